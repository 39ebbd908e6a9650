"""Which client a request counts against (security.throttle.client_address)."""

from django.test import RequestFactory

from iassist_site.security.throttle import client_address


def request_from(remote, forwarded=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **headers)


def test_without_a_trusted_proxy_the_connections_address_counts_whatever_it_forwards(settings):
    settings.TRUSTED_PROXIES = []
    assert client_address(request_from("127.0.0.1", "203.0.113.9")) == "127.0.0.1"


def test_behind_a_trusted_proxy_the_address_it_added_counts_not_those_the_client_wrote(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    # The client wrote 10.1.2.3 itself; nginx appended the address it saw.
    assert client_address(request_from("127.0.0.1", "10.1.2.3, 203.0.113.9")) == "203.0.113.9"


def test_a_chain_of_trusted_proxies_is_walked_from_the_right(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "192.0.2.10"]
    assert client_address(request_from("127.0.0.1", "10.1.2.3, 203.0.113.9, 192.0.2.10")) == "203.0.113.9"


def test_an_ipv6_client_counts_as_its_whole_64_bit_network(settings):
    settings.TRUSTED_PROXIES = []
    # One subscriber usually holds a whole /64, and could otherwise take a new address per guess.
    assert client_address(request_from("2001:db8:1:2:aaaa::1")) == client_address(request_from("2001:db8:1:2::ffff"))
    assert client_address(request_from("2001:db8:1:2::1")) == "2001:db8:1:2::/64"
