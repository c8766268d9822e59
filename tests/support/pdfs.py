"""A text PDF written by hand (Helvetica, one text block per page), for tests that need many
pages without a browser."""

from __future__ import annotations

import zlib


def _escape(text: str) -> bytes:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1")


def text_pdf(pages: list[list[str]], *, padding: int = 0) -> bytes:
    """A PDF with one page per list of lines; a line starting with '#' is set large. With
    `padding`, each page's text is followed by that many spaces, compressed (FlateDecode):
    a small file whose stream unpacks to `padding` bytes."""
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, once the page numbers are known
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    kids = []
    for lines in pages:
        ops = [b"BT 72 740 Td"]
        for line in lines:
            size = 16 if line.startswith("#") else 10
            ops.append(b"/F1 %d Tf (%s) Tj 0 -%d Td" % (size, _escape(line.lstrip("# ")), size + 6))
        ops.append(b"ET")
        stream = b"\n".join(ops)
        head = b""
        if padding:
            stream = zlib.compress(stream + b" " * padding, 9)
            head = b" /Filter /FlateDecode"
        objects.append(b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(stream), head, stream))
        content = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>" % content
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
