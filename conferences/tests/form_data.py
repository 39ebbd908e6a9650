"""Admin form data for list blocks, which Wagtail's test helpers do not cover."""


def list_block(items):
    data = {str(index): {"value": value, "deleted": "", "order": str(index)} for index, value in enumerate(items)}
    data["count"] = str(len(items))
    return data
