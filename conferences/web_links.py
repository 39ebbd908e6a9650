"""Links to other sites that editors type in: web addresses only, never `javascript:` or `ftp:`."""

from django.core.validators import URLValidator

WEB_ADDRESS_MESSAGE = "Enter a web address that starts with https:// or http://."

web_address = URLValidator(schemes=["http", "https"], message=WEB_ADDRESS_MESSAGE)
