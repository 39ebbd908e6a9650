"""Gzip for pages: what browsers receive must decompress to the page, for every client."""

import gzip
import secrets
import zlib

import pytest
from django.http import FileResponse, HttpResponse
from django.test import RequestFactory

from iassist_site.compression import ZlibNgGZipMiddleware, gzip_bytes, random_padding

PAGE = ("<!doctype html><title>IASSIST 2025</title>" + "<li>Versioning research data</li>" * 400).encode()


def compressed(response_body, accept="gzip, deflate, br", **headers):
    middleware = ZlibNgGZipMiddleware(lambda request: None)
    response = HttpResponse(response_body, content_type="text/html; charset=utf-8", headers=headers)
    return middleware.process_response(RequestFactory().get("/", HTTP_ACCEPT_ENCODING=accept), response)


def test_a_compressed_page_decompresses_to_the_page_with_a_standard_gzip_reader():
    response = compressed(PAGE)
    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.content) == PAGE
    # A single gzip member, as browsers' and nginx's gunzip readers expect.
    reader = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
    assert reader.decompress(response.content) == PAGE and reader.eof and not reader.unused_data


def test_the_content_length_is_that_of_the_compressed_bytes():
    response = compressed(PAGE)
    assert int(response["Content-Length"]) == len(response.content) < len(PAGE)


def test_responses_vary_on_accept_encoding_whether_compressed_or_not():
    assert "Accept-Encoding" in compressed(PAGE)["Vary"]
    assert "Accept-Encoding" in compressed(PAGE, accept="identity")["Vary"]


@pytest.mark.parametrize("accept", ["", "identity", "br", "deflate", "gzipped-text"])
def test_clients_that_do_not_accept_gzip_get_the_page_as_it_is(accept):
    response = compressed(PAGE, accept=accept)
    assert not response.has_header("Content-Encoding")
    assert response.content == PAGE


def test_a_body_too_short_to_gain_is_left_alone():
    response = compressed(b"<p>Hello</p>")
    assert not response.has_header("Content-Encoding")
    assert response.content == b"<p>Hello</p>"


def test_a_body_that_is_already_encoded_is_not_compressed_again():
    response = compressed(PAGE, **{"Content-Encoding": "br"})
    assert response["Content-Encoding"] == "br"
    assert response.content == PAGE


def test_a_strong_etag_becomes_weak_once_the_bytes_change():
    assert compressed(PAGE, ETag='"v1"')["ETag"] == 'W/"v1"'


def test_incompressible_bodies_are_sent_as_they_are():
    noise = secrets.token_bytes(4096)
    response = compressed(noise)
    assert not response.has_header("Content-Encoding")
    assert response.content == noise


def test_the_same_page_compresses_to_lengths_that_differ_from_response_to_response():
    # Random padding in the gzip header hides what the compressed length would reveal (BREACH).
    lengths = {len(compressed(PAGE).content) for _response in range(20)}
    assert len(lengths) > 1


def test_padding_is_never_longer_than_allowed_and_holds_no_nul():
    paddings = [random_padding(100) for _padding in range(200)]
    assert max(map(len, paddings)) <= 100
    assert not any(b"\0" in padding for padding in paddings)
    assert random_padding(0) == b""


def test_gzip_bytes_with_and_without_padding_decompress_alike():
    assert gzip.decompress(gzip_bytes(PAGE, b"")) == gzip.decompress(gzip_bytes(PAGE, b"x" * 100)) == PAGE


def test_an_empty_body_makes_a_valid_gzip_member():
    assert gzip.decompress(gzip_bytes(b"", b"abc")) == b""


def test_streaming_responses_are_compressed_by_djangos_own_code(tmp_path):
    document = tmp_path / "programme.txt"
    document.write_bytes(PAGE)
    middleware = ZlibNgGZipMiddleware(lambda request: None)
    request = RequestFactory().get("/", HTTP_ACCEPT_ENCODING="gzip")
    with document.open("rb") as handle:
        response = middleware.process_response(request, FileResponse(handle))
        assert response["Content-Encoding"] == "gzip"
        assert gzip.decompress(b"".join(response.streaming_content)) == PAGE
