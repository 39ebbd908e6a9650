"""The e-mail backend for a production site without a mail server (no EMAIL_HOST)."""

import logging

from django.core.mail.backends.base import BaseEmailBackend

logger = logging.getLogger(__name__)


class UnsentMailBackend(BaseEmailBackend):
    """Sends nothing, and logs a warning for each message, without its body.

    Not the console backend: a password-reset message's body is a link that resets the
    password, and it would sit in the logs for anyone who can read them.
    """

    def send_messages(self, email_messages):
        for message in email_messages:
            logger.warning(
                "E-mail not sent (EMAIL_HOST is not set): %r to %s", message.subject, ", ".join(message.recipients())
            )
        return 0
