"""The OAI-PMH response structure (the spec's section 3.2 and the XSD's required elements), checked by hand.

The schema itself is not available offline, so each response is held to what OAI-PMH.xsd requires
of its envelope, headers and records, and oai_dc.xsd of its metadata.
"""

import re
import xml.etree.ElementTree as ET

OAI = "{http://www.openarchives.org/OAI/2.0/}"
OAI_DC = "{http://www.openarchives.org/OAI/2.0/oai_dc/}"
DC = "{http://purl.org/dc/elements/1.1/}"
UTC_SECONDS = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
DC_ELEMENTS = {
    f"{DC}{name}"
    for name in "title creator subject description publisher contributor date type format identifier "
    "source language relation coverage rights".split()
}
ERROR_CODES = {
    "badArgument",
    "badResumptionToken",
    "badVerb",
    "cannotDisseminateFormat",
    "idDoesNotExist",
    "noRecordsMatch",
    "noMetadataFormats",
    "noSetHierarchy",
}


def parse(response):
    assert response["Content-Type"].startswith("text/xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{OAI}OAI-PMH"
    children = list(root)
    assert [child.tag for child in children[:2]] == [f"{OAI}responseDate", f"{OAI}request"]
    assert UTC_SECONDS.fullmatch(children[0].text)
    assert children[1].text.startswith("http")
    assert len(children) >= 3
    return root


def errors(response):
    """The error codes of a response, each checked against the spec's list."""
    root = parse(response)
    codes = [child.get("code") for child in root if child.tag == f"{OAI}error"]
    assert set(codes) <= ERROR_CODES
    if codes:
        assert len(codes) == len(root) - 2, "an error response holds only errors"
    return codes


def verb_element(response, verb):
    root = parse(response)
    assert root[1].get("verb") == verb
    assert root[2].tag == f"{OAI}{verb}", ET.tostring(root[2])[:300]
    return root[2]


def check_header(header):
    assert header.tag == f"{OAI}header"
    tags = [child.tag for child in header]
    assert tags[:2] == [f"{OAI}identifier", f"{OAI}datestamp"]
    assert all(tag == f"{OAI}setSpec" for tag in tags[2:])
    assert header[0].text.startswith("oai:")
    assert UTC_SECONDS.fullmatch(header[1].text)
    return header[0].text


def check_record(record):
    assert record.tag == f"{OAI}record"
    identifier = check_header(record[0])
    assert record[1].tag == f"{OAI}metadata"
    (dc,) = list(record[1])
    assert dc.tag == f"{OAI_DC}dc"
    assert {child.tag for child in dc} <= DC_ELEMENTS
    assert dc.find(f"{DC}title") is not None
    return identifier
