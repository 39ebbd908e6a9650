"""OAI-PMH responses as XML: the envelope every response shares (spec section 3.2), built as a tree."""

import re
import xml.etree.ElementTree as ET

OAI = "http://www.openarchives.org/OAI/2.0/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
for prefix, uri in (("", OAI), ("xsi", XSI), ("oai_dc", OAI_DC), ("dc", DC)):
    ET.register_namespace(prefix, uri)

# Characters XML 1.0 cannot hold at all, even escaped: control characters from pasted abstracts or hostile input.
NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value):
    return NOT_XML.sub("", str(value))


def element(parent, tag, text=None, **attributes):
    node = ET.SubElement(parent, tag, {name: xml_text(value) for name, value in attributes.items()})
    if text is not None:
        node.text = xml_text(text)
    return node


def oai(tag):
    return f"{{{OAI}}}{tag}"


def envelope(response_date, base_url, arguments):
    """The root with responseDate and request; `arguments` is None when the request was refused as a whole."""
    root = ET.Element(oai("OAI-PMH"), {f"{{{XSI}}}schemaLocation": f"{OAI} {OAI_SCHEMA}"})
    element(root, oai("responseDate"), response_date)
    element(root, oai("request"), base_url, **(arguments or {}))
    return root


def serialise(root):
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
