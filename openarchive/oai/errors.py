class OAIError(Exception):
    """An OAI-PMH error condition: its code from the spec (section 3.6) and a message for people."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


def bad_argument(message):
    return OAIError("badArgument", message)
