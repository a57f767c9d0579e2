"""Articles kept as Word (.docx) or OpenDocument (.odt) documents, one a file, as analysts paste them from a
newspaper's page (hunt 29 K). Each test builds its tiny documents from their XML parts, written with zipfile."""
import gzip
import logging
import struct
import subprocess
import sys
import zipfile

import pytest

from dvtopics.io.read import read_articles

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MAIN_RELATION = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
ODF = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # how a Word 97-2003 file (and a .docx protected by a password) starts
TEXT = "Sáng 5/7, Ban Dân vận Tỉnh ủy tổ chức hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2024."


def paragraph(text: str, style: str | None = None) -> str:
    properties = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{properties}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def write_docx(path, body: str, styles: str = "", parts: dict | None = None, main: str = "word/document.xml"):
    """A .docx as Word writes its parts: the package's relationships naming the main part, the document, its styles."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml",
                         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        archive.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                         f'relationships"><Relationship Id="rId1" Type="{MAIN_RELATION}" Target="{main}"/>'
                         '</Relationships>')
        archive.writestr(main, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                         f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')
        if styles:
            archive.writestr(main.rsplit("/", 1)[0] + "/styles.xml", f'<w:styles xmlns:w="{W}">{styles}</w:styles>')
        for name, data in (parts or {}).items():
            archive.writestr(name, data)
    return path


def write_odt(path, body: str, automatic_styles: str = "", manifest: str = ""):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", f"<office:document-content {ODF}><office:automatic-styles>{automatic_styles}"
                         f"</office:automatic-styles><office:body><office:text>{body}</office:text></office:body>"
                         "</office:document-content>")
        if manifest:
            archive.writestr("META-INF/manifest.xml", manifest)
    return path


def read(paths, **options):
    return list(read_articles(paths, on_error="record", **options))


HEADING_1 = '<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="heading 1"/></w:style>'


def test_a_folder_of_txt_docx_and_odt_reads_each_as_an_article(tmp_path):
    """A folder of articles kept as Word documents was "1 .docx file not read: save it as Plain Text": each is read
    as a .txt is, its title, dateline and source line found as a .txt's are, its id its path without the suffix."""
    (tmp_path / "2024").mkdir()
    (tmp_path / "a.txt").write_text(f"Hội nghị sơ kết\n{TEXT}\nNguồn: Báo Lạng Sơn", encoding="utf-8")
    write_docx(tmp_path / "2024" / "b.docx", paragraph("Gặp mặt đầu xuân") + paragraph("Thứ Năm, 05/07/2024 08:15")
               + paragraph(TEXT) + paragraph("(Theo TTXVN)"))
    write_odt(tmp_path / "c.odt", f"<text:p>Tổng kết công tác dân vận</text:p><text:p>{TEXT}</text:p>"
              "<text:p>Nguồn: Báo Tuyên Quang</text:p>")
    articles = read(tmp_path)
    assert [(a.id, a.title, a.date, a.source, a.error) for a in articles] == [
        ("2024/b", "Gặp mặt đầu xuân", "2024-07-05", "TTXVN", None),
        ("a", "Hội nghị sơ kết", None, "Báo Lạng Sơn", None),
        ("c", "Tổng kết công tác dân vận", None, "Báo Tuyên Quang", None)]
    assert articles[0].meta["path"] == str(tmp_path / "2024" / "b.docx")
    # given by name, or by a pattern, alike
    assert [a.id for a in read([tmp_path / "c.odt", str(tmp_path / "**" / "*.docx")])] == ["c", "b"]


@pytest.mark.parametrize("style_id", ["Heading1", "u1", "Title"])
def test_a_paragraph_styled_as_a_heading_near_the_top_is_the_title(tmp_path, style_id):
    """Over the headline, what a page pasted into Word keeps: the paper's name, its section. A paragraph styled as the
    title or a first-level heading (by the style's name: a Vietnamese Word names its style ids otherwise) is the
    headline; a heading lower in the text (a section of the article) is not."""
    styles = (HEADING_1.format(id=style_id) if style_id != "Title" else
              '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>')
    write_docx(tmp_path / "a.docx", paragraph("BÁO ĐIỆN TỬ TỈNH") + paragraph("Chính trị")
               + paragraph("Hội nghị tổng kết công tác dân vận", style_id) + paragraph(TEXT), styles)
    write_docx(tmp_path / "b.docx", paragraph("Gặp mặt đầu xuân") + "".join(paragraph(TEXT) for _ in range(6))
               + paragraph("Kết quả nổi bật", style_id), styles)
    first, second = read(tmp_path)
    assert first.title == "Hội nghị tổng kết công tác dân vận" and first.raw.startswith("BÁO ĐIỆN TỬ TỈNH")
    assert second.title == "Gặp mặt đầu xuân"


def test_an_odt_heading_or_title_style_is_the_title(tmp_path):
    write_odt(tmp_path / "a.odt", f'<text:p>Báo Lạng Sơn</text:p><text:h text:outline-level="1"><text:number>1.'
              f"</text:number>Gặp mặt <text:span>đầu xuân</text:span></text:h><text:p>{TEXT}</text:p>")
    write_odt(tmp_path / "b.odt", f'<text:p>Xã hội</text:p><text:p text:style-name="P1">Tổng kết năm</text:p>'
              f"<text:p>{TEXT}</text:p>", '<style:style style:name="P1" style:parent-style-name="Title"/>')
    assert [a.title for a in read(tmp_path)] == ["Gặp mặt đầu xuân", "Tổng kết năm"]


def test_a_docx_text_is_its_body_as_word_shows_it(tmp_path):
    """Runs joined; a tab a space, a line break a new line (not a tab stop of the paragraph's properties); a table's
    cells a line each; a tracked insertion read, a tracked deletion and hidden text not; a text box once (not again in
    the fallback Word writes beside it), after the paragraph it is anchored in; headers, footers, footnotes and
    comments, parts of their own, not read."""
    body = (
        '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>Hội </w:t></w:r>'
        '<w:r><w:rPr><w:b/></w:rPr><w:t>nghị</w:t></w:r><w:del><w:r><w:delText> sơ kết</w:delText></w:r></w:del>'
        '<w:ins><w:r><w:t> tổng kết</w:t></w:r></w:ins><w:r><w:rPr><w:vanish/></w:rPr><w:t> ẨN</w:t></w:r></w:p>'
        '<w:p><w:r><w:t>Ngày</w:t><w:tab/><w:t>5/7</w:t><w:br/><w:t>Dòng hai</w:t></w:r>'
        '<w:r><w:footnoteReference w:id="1"/></w:r><w:commentRangeStart w:id="0"/></w:p>'
        '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Ô một</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Ô hai</w:t></w:r>'
        '</w:p></w:tc></w:tr></w:tbl>'
        '<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:Choice Requires="wps"><w:txbxContent><w:p><w:r><w:t>Hộp chữ</w:t></w:r></w:p></w:txbxContent>'
        '</mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Hộp chữ</w:t></w:r></w:p></w:txbxContent>'
        f'</w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>{TEXT}</w:t></w:r></w:p>')
    part = '<w:{0} xmlns:w="%s"><w:p><w:r><w:t>{1}</w:t></w:r></w:p></w:{0}>' % W
    write_docx(tmp_path / "a.docx", body, parts={"word/header1.xml": part.format("hdr", "ĐẦU TRANG"),
                                                 "word/footer1.xml": part.format("ftr", "CUỐI TRANG"),
                                                 "word/footnotes.xml": part.format("footnotes", "CHÚ THÍCH"),
                                                 "word/comments.xml": part.format("comments", "GHI CHÚ")})
    [article] = read(tmp_path)
    assert article.raw == f"Hội nghị tổng kết\nNgày 5/7\nDòng hai\nÔ một\nÔ hai\n{TEXT}\nHộp chữ"
    assert article.title == "Hội nghị tổng kết"


def test_a_docx_symbol_is_read_as_its_character(tmp_path):
    """Word's Insert > Symbol (w:sym) was dropped: "30°C" read "30C". A Symbol-font character is its Unicode one, a
    picture font's (Wingdings) is none."""
    def symbol(font, code):
        return f'<w:r><w:sym w:font="{font}" w:char="{code}"/></w:r>'
    write_docx(tmp_path / "a.docx",
               '<w:p><w:r><w:t>Nhiệt độ 30</w:t></w:r>' + symbol("Symbol", "F0B0") + '<w:r><w:t>C, lượng mưa '
               '</w:t></w:r>' + symbol("Symbol", "F0B3") + '<w:r><w:t xml:space="preserve"> 50 mm</w:t></w:r>'
               + symbol("Wingdings", "F0FC") + symbol("Symbol", "F0FF") + symbol("Times New Roman", "2013")
               + '<w:r><w:t xml:space="preserve"> </w:t></w:r>' + symbol("Symbol", "F061") + symbol("Symbol", "F032")
               + '</w:p>' + paragraph(TEXT))
    [article] = read(tmp_path)
    assert article.raw == f"Nhiệt độ 30°C, lượng mưa ≥ 50 mm– α2\n{TEXT}"


def test_a_hidden_run_in_a_text_box_hides_no_more(tmp_path):
    """Hidden was a flag of the reader, not of a run: a hidden run in a text box hid the rest of the run the box is
    anchored in; and a tab stop of the box's paragraph was read as a tab."""
    write_docx(tmp_path / "a.docx",
               '<w:p><w:r><w:t xml:space="preserve">Neo </w:t><w:drawing><w:txbxContent><w:p><w:pPr><w:tabs>'
               '<w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>Hộp</w:t></w:r><w:r><w:rPr><w:vanish/>'
               '</w:rPr><w:t>ẨN</w:t><w:tab/></w:r></w:p></w:txbxContent></w:drawing>'
               '<w:t>sau hộp</w:t><w:tab/><w:t>tiếp</w:t></w:r></w:p>' + paragraph(TEXT))
    [article] = read(tmp_path)
    assert article.raw == f"Neo sau hộp tiếp\nHộp\n{TEXT}"


def test_an_odt_text_is_its_body_as_libreoffice_shows_it(tmp_path):
    """Spans joined, white space collapsed as ODF reads it (its extra spaces written <text:s/>), a list's items and a
    table's cells a line each; comments, footnotes, a picture's alternative text and the tracked changes' record (the
    deleted text) not read."""
    write_odt(tmp_path / "a.odt",
              '<text:tracked-changes><text:changed-region><text:deletion><text:p>ĐÃ XÓA</text:p></text:deletion>'
              '</text:changed-region></text:tracked-changes>'
              '<text:p>Hội   nghị\n <text:span>tổng kết</text:span></text:p>'
              '<text:p>Sáng 5/7,<text:s text:c="2"/>Ban<text:tab/>Dân vận<office:annotation><text:p>GHI CHÚ</text:p>'
              '</office:annotation> họp.<text:note><text:note-body><text:p>CHÚ THÍCH</text:p></text:note-body>'
              '</text:note><text:line-break/>Dòng hai.<draw:frame xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:'
              'drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"><svg:title>ẢNH'
              '</svg:title><svg:desc>MÔ TẢ</svg:desc></draw:frame></text:p>'
              '<text:list><text:list-item><text:p>Ý một</text:p></text:list-item></text:list>'
              '<table:table><table:table-row><table:table-cell><text:p>Ô một</text:p></table:table-cell>'
              '</table:table-row></table:table>')
    [article] = read(tmp_path)
    assert article.raw == "Hội nghị tổng kết\nSáng 5/7,  Ban Dân vận họp.\nDòng hai.\nÝ một\nÔ một"


def test_odt_hidden_text_is_not_read(tmp_path):
    """LibreOffice neither shows nor prints hidden text, and the docs say it is not read: it was, each kind of it (a
    span or a paragraph of a hidden automatic style, a hidden section, hidden-text and hidden-paragraph fields)."""
    write_odt(tmp_path / "a.odt",
              '<text:p>Sáng 5/7, Ban Dân vận<text:span text:style-name="T1"> CHỮ ẨN</text:span> Tỉnh ủy họp.'
              '<text:span text:style-name="T2"> hiện</text:span></text:p>'
              '<text:p text:style-name="P1">ĐOẠN KIỂU ẨN</text:p>'
              '<text:section text:name="S1" text:display="none"><text:p>ĐOẠN TRONG MỤC ẨN</text:p></text:section>'
              '<text:section text:name="S2"><text:p>Mục hiện</text:p></text:section>'
              '<text:p>Hiện<text:hidden-text text:condition="ooow:1" text:string-value="ẨN" text:is-hidden="true">'
              'ẨN</text:hidden-text> tiếp<text:hidden-text text:condition="ooow:0" text:string-value="x" '
              'text:is-hidden="false"> điều kiện sai</text:hidden-text></text:p>'
              '<text:p>ĐOẠN ẨN<text:hidden-paragraph text:condition="ooow:1" text:is-hidden="true"/></text:p>'
              '<text:p>Đoạn hiện<text:hidden-paragraph text:condition="ooow:0" text:is-hidden="false"/></text:p>',
              automatic_styles='<style:style style:name="T1" style:family="text"><style:text-properties '
              'text:display="none"/></style:style><style:style style:name="T2" style:family="text">'
              '<style:text-properties text:display="true"/></style:style><style:style style:name="P1" '
              'style:family="paragraph"><style:text-properties text:display="none"/></style:style>')
    [article] = read(tmp_path)
    assert article.raw == ("Sáng 5/7, Ban Dân vận Tỉnh ủy họp. hiện\nMục hiện\nHiện tiếp điều kiện sai\n"
                           "Đoạn hiện")


def test_an_odt_title_field_is_read_though_a_pictures_svg_title_is_not(tmp_path):
    """Elements passed over are matched by namespace and name: "title" meant for a picture's svg:title also dropped
    text:title, a field that shows the document's title in the body ("Bài:  đăng lại")."""
    write_odt(tmp_path / "a.odt",
              '<text:p>Bài: <text:title>Gặp mặt đầu xuân</text:title> đăng lại<draw:frame xmlns:draw="urn:oasis:'
              'names:tc:opendocument:xmlns:drawing:1.0" '
              'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0">'
              '<svg:title>ẢNH</svg:title><svg:desc>MÔ TẢ</svg:desc></draw:frame></text:p>')
    [article] = read(tmp_path)
    assert article.raw == "Bài: Gặp mặt đầu xuân đăng lại"


def test_the_size_limit_counts_the_text_not_the_pictures(tmp_path):
    """A .docx's pictures may weigh megabytes: its article is read under --max-bytes all the same; a text over the
    limit is one error naming the file."""
    write_docx(tmp_path / "photos.docx", paragraph("Hội nghị") + paragraph(TEXT),
               parts={"word/media/image1.jpeg": bytes(range(256)) * 8000})
    write_docx(tmp_path / "long.docx", paragraph("Hội nghị") + paragraph(TEXT) * 50)
    long, photos = read(tmp_path, max_bytes=4000)
    assert not photos.error and photos.title == "Hội nghị"
    assert long.error == f"{tmp_path / 'long.docx'}: its text is over the 4,000 bytes article limit (raise it with " \
                         "max_bytes (--max-bytes))"


def _cut(path):
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2])


def _bomb(path):  # a part that inflates a thousandfold, past 64 MB
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", f'<w:document xmlns:w="{W}"><w:body>' + " " * (65 << 20)
                         + "</w:body></w:document>")


def _zip_locked(path):  # a member flagged as encrypted by the zip itself
    write_docx(path, paragraph(TEXT))
    data = bytearray(path.read_bytes())
    for header in (b"PK\x03\x04", b"PK\x01\x02"):
        start = 0
        while (start := data.find(header, start)) != -1:
            data[start + (6 if header == b"PK\x03\x04" else 8)] |= 1
            start += 4
    path.write_bytes(bytes(data))


def _sheet(path):  # a LibreOffice spreadsheet named .odt
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", f"<office:document-content {ODF}/>")


def _dtd(path):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", f'<!DOCTYPE d [<!ENTITY a "Hội nghị">]><w:document xmlns:w="{W}">'
                         "<w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>")


BROKEN = {  # name: (how it is made, what its error says)
    "cut.docx": (lambda path: _cut(write_docx(path, paragraph(TEXT) * 20)), "a damaged document (BadZipFile"),
    "renamed.docx": (lambda path: path.write_bytes(OLE2 + bytes(600)),
                     "a Word 97-2003 document (.doc) under the name .docx: open it in Word or LibreOffice and save it "
                     "as Word Document (.docx)"),
    "locked.docx": (lambda path: path.write_bytes(OLE2 + bytes(600) + "EncryptedPackage".encode("utf-16-le")),
                    "protected by a password: open it, remove the password"),
    "locked-too.odt": (lambda path: write_odt(path, f"<text:p>{TEXT}</text:p>", manifest='<manifest:manifest><manifest:'
                                          'file-entry><manifest:encryption-data/></manifest:file-entry>'
                                          '</manifest:manifest>'),
                   "protected by a password"),
    "zip-locked.docx": (_zip_locked, "protected by a password"),
    "bomb.docx": (_bomb, "its part word/document.xml inflates past 64.0 MB (a zip bomb"),
    "dtd.docx": (_dtd, "its part word/document.xml declares a DTD"),
    "bad-xml.docx": (lambda path: write_docx(path, "<w:p><w:r><w:t>Hội nghị</w:r></w:p>"),
                     "a damaged document: its part word/document.xml is not well-formed XML (mismatched tag"),
    "text.docx": (lambda path: path.write_text(f"Hội nghị\n{TEXT}", encoding="utf-8"),
                  "not a Word or OpenDocument document despite its name (it is no zip"),
    "sheet.odt": (lambda path: _sheet(path),
                  "an OpenDocument spreadsheet (.ods) under another name: save it as .xlsx or CSV UTF-8"),
    "workbook.docx": (lambda path: zipfile.ZipFile(path, "w").writestr("xl/workbook.xml", "<workbook/>"),
                      "an Excel workbook (.xlsx) under another name: name it .xlsx to read it"),
    "empty.docx": (lambda path: write_docx(path, "<w:p/>"), "no text in the article"),
}


def test_a_document_that_cannot_be_read_is_one_error_and_the_folder_is_read_on(tmp_path, caplog):
    """A damaged, password-protected or renamed file, a zip bomb, a part with a DTD: each one error record in one
    line that names the file and why (no traceback, no memory blown), and the other articles of the folder read."""
    for name, (make, _) in BROKEN.items():
        make(tmp_path / name)
    write_docx(tmp_path / "a-good.docx", paragraph("Hội nghị tổng kết") + paragraph(TEXT))
    (tmp_path / "z-good.txt").write_text(f"Gặp mặt đầu xuân\n{TEXT}", encoding="utf-8")
    with caplog.at_level(logging.ERROR):
        articles = {article.id: article for article in read(tmp_path, max_bytes=64 * 1024)}
    assert [id_ for id_, article in articles.items() if not article.error] == ["a-good", "z-good"]
    for name, (_, why) in BROKEN.items():
        error = articles[name.rsplit(".", 1)[0]].error
        assert error.startswith(f"{tmp_path / name}: ") and why in error and "\n" not in error, (name, error)
    assert "Traceback" not in caplog.text


def test_doc_rtf_and_pdf_keep_their_refusal(tmp_path):
    (tmp_path / "a.doc").write_bytes(OLE2 + bytes(600))
    (tmp_path / "b.rtf").write_bytes(rb"{\rtf1\ansi H\u7897\'3fi ngh\u7883\'3f}")
    (tmp_path / "c.pdf").write_bytes(b"%PDF-1.7\n")
    doc, rtf, pdf = read([tmp_path / "a.doc", tmp_path / "b.rtf", tmp_path / "c.pdf"])
    assert "a Word 97-2003 document, not plain text: save it as Word Document (.docx) or Plain Text" in doc.error
    assert "a Rich Text Format (RTF) document, not plain text: save it as Word Document (.docx)" in rtf.error
    assert "a PDF document, not plain text: save it as Plain Text (.txt, UTF-8)" in pdf.error


def test_a_document_beside_its_own_txt_is_read_once(tmp_path, caplog):
    """Told to save each Word document as .txt, users kept both: each article would be read twice, under one id. The
    .txt is read, the document of its name passed over with a note; a document alone is read."""
    (tmp_path / "a.txt").write_text(f"Hội nghị tổng kết\n{TEXT}", encoding="utf-8")
    write_docx(tmp_path / "a.docx", paragraph("Hội nghị tổng kết") + paragraph(TEXT))
    write_docx(tmp_path / "b.docx", paragraph("Gặp mặt đầu xuân") + paragraph(TEXT))
    with caplog.at_level(logging.WARNING):
        assert [(a.id, a.meta["path"]) for a in read(tmp_path)] == [("a", str(tmp_path / "a.txt")),
                                                                   ("b", str(tmp_path / "b.docx"))]
    assert ("1 document beside its .txt file not read (e.g. 'a.docx'): the same article as the .txt file of its name "
            "beside it, which is read") in caplog.text
    assert "repeat" not in caplog.text


def test_a_word_document_named_txt_or_doc_is_read_as_one(tmp_path, caplog):
    """A .docx saved or renamed .txt was "a Word document, not plain text: save it as Plain Text"; named .doc, "a Word
    97-2003 document: save it as Word Document (.docx)", which it was."""
    write_docx(tmp_path / "a.txt", paragraph("Hội nghị tổng kết") + paragraph(TEXT))
    write_docx(tmp_path / "b.doc", paragraph("Gặp mặt đầu xuân") + paragraph(TEXT))
    with caplog.at_level(logging.WARNING):
        articles = read([tmp_path, tmp_path / "b.doc"])
    assert [(a.id, a.title, a.error) for a in articles] == [("a", "Hội nghị tổng kết", None),
                                                             ("b", "Gặp mặt đầu xuân", None)]
    assert "a.txt: a Word document (.docx) under the name .txt: read as one" in caplog.text
    assert "b.doc: a Word document (.docx) under the name .doc: read as one" in caplog.text


def test_an_office_zip_is_named_alike_whatever_name_it_has(tmp_path, caplog):
    """Two homes disagreed on what a zip is: a LibreOffice spreadsheet named .txt was "a OpenDocument document (.odt)
    under the name .txt: read as one" (by its content.xml), then refused as no text (by its mimetype); a workbook
    named .docx and named .txt had two wordings. One reads the mimetype, one words what each is."""
    _sheet(tmp_path / "sheet.txt")
    _sheet(tmp_path / "sheet.odt")
    for name in ("book.docx", "book.txt"):
        with zipfile.ZipFile(tmp_path / name, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("xl/workbook.xml", "<workbook/>")
    write_odt(tmp_path / "text.txt", f"<text:p>Hội nghị tổng kết</text:p><text:p>{TEXT}</text:p>")
    with caplog.at_level(logging.WARNING):
        names = ("sheet.txt", "sheet.odt", "book.docx", "book.txt", "text.txt")
        articles = dict(zip(names, read([tmp_path / name for name in names])))
    sheet = "an OpenDocument spreadsheet (.ods) under another name: save it as .xlsx or CSV UTF-8 to read it"
    book = "an Excel workbook (.xlsx) under another name: name it .xlsx to read it (or save it as CSV UTF-8)"
    assert {name: a.error for name, a in articles.items()} == {
        "sheet.txt": f"{tmp_path / 'sheet.txt'}: {sheet}", "sheet.odt": f"{tmp_path / 'sheet.odt'}: {sheet}",
        "book.docx": f"{tmp_path / 'book.docx'}: {book}", "book.txt": f"{tmp_path / 'book.txt'}: {book}",
        "text.txt": None}
    assert "sheet.txt: a" not in caplog.text.replace(f"sheet.txt: {sheet}", "")
    assert "text.txt: an OpenDocument text (.odt) under the name .txt: read as one" in caplog.text


def test_the_command_line_reads_a_folder_of_documents(tmp_path):
    folder = tmp_path / "bai"
    folder.mkdir()
    write_docx(folder / "a.docx", paragraph("Hội nghị tổng kết công tác dân vận") + paragraph(TEXT))
    write_docx(folder / "b.docx", paragraph(TEXT))
    _cut(folder / "b.docx")
    (folder / "c.txt").write_text(f"Gặp mặt đầu xuân\n{TEXT}", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "dvtopics", "inspect", str(folder)], capture_output=True,
                          text=True)
    assert done.returncode == 1, done.stderr  # an article could not be read
    assert "Hội nghị tổng kết công tác dân vận" in done.stdout and "Gặp mặt đầu xuân" in done.stdout
    assert f"{folder / 'b.docx'}: a damaged document" in done.stderr and "Traceback" not in done.stderr


def test_a_labels_files_file_cells_name_documents_as_they_name_txt_files(tmp_path, monkeypatch):
    """A labels table whose `file` column lists the documents (`b.DOCX`, as Explorer shows it; a path from here; a
    Windows path) labelled none of them: only a .txt was dropped from a file's name. Each names its article."""
    from dvtopics.io.labels import read_labels
    from dvtopics.jobs.checks import ids_of_input_files

    (tmp_path / "arts" / "2024").mkdir(parents=True)
    for name in ("b.docx", "2024/c.odt", "2024/d.docx"):
        write_docx(tmp_path / "arts" / name, paragraph("Hội nghị tổng kết") + paragraph(TEXT))
    (tmp_path / "labels.csv").write_text("file,label\nb.DOCX,other\narts/2024/c.odt,annual_review\n"
                                         "C:\\Users\\lan\\arts\\2024\\d.docx,other\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    labels = ids_of_input_files(read_labels(tmp_path / "labels.csv"), ["arts"])
    assert labels == {"b": "other", "2024/c": "annual_review", "2024/d": "other"}
    assert sorted(a.id for a in read("arts")) == sorted(labels)


def test_dask_parts_hold_documents_as_they_hold_txt_files(tmp_path):
    """`--engine dask` cuts the input into parts: a document is an article's file, read whole, never by line ranges
    of its zip's bytes."""
    from dvtopics.run.distributed import plan_parts, read_part

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(f"Hội nghị tổng kết\n{TEXT}", encoding="utf-8")
    write_docx(tmp_path / "in" / "b.docx", paragraph("Gặp mặt đầu xuân") + paragraph(TEXT))
    write_odt(tmp_path / "c.odt", f"<text:p>Sơ kết 6 tháng</text:p><text:p>{TEXT}</text:p>")
    parts = plan_parts([tmp_path / "in", tmp_path / "c.odt"], size=2)
    assert [[file for file, _ in part.files] for part in parts] == [
        [str(tmp_path / "in" / "a.txt"), str(tmp_path / "in" / "b.docx")], [str(tmp_path / "c.odt")]]
    assert [a.title for part in parts for a in read_part(part)] == ["Hội nghị tổng kết", "Gặp mặt đầu xuân",
                                                                   "Sơ kết 6 tháng"]


def test_a_document_given_as_extra_is_told_it_holds_no_label(tmp_path):
    """As a .txt is: a document holds a text, never a label (it was named "a .txt article")."""
    import json

    from click.testing import CliRunner

    from dvtopics.cli import cli
    from articles import made_up_articles

    corpus = tmp_path / "articles.jsonl"
    corpus.write_text("".join(json.dumps({"id": a.id, "text": a.raw, "label": a.label}, ensure_ascii=False) + "\n"
                              for a in made_up_articles(6)), encoding="utf-8")
    document = write_docx(tmp_path / "bai.docx", paragraph("Hội nghị tổng kết") + paragraph(TEXT))
    result = CliRunner().invoke(cli, ["train", str(corpus), "--extra", str(document), "--out", str(tmp_path / "m")])
    said = " ".join(result.output.split())
    assert result.exit_code == 2 and f"--extra {document}: a .docx article ({document})" in said, said
    assert "holds a text, never a label" in said
    # named by its whole suffix: a gzipped .txt was "a .gz article", a folder of documents "a folder of .txt articles"
    (tmp_path / "docs").mkdir()
    write_docx(tmp_path / "docs" / "c.docx", paragraph("Hội nghị tổng kết") + paragraph(TEXT))
    with gzip.open(tmp_path / "bai.txt.gz", "wt", encoding="utf-8") as handle:
        handle.write(f"Hội nghị tổng kết\n{TEXT}")
    for extra, what in ((tmp_path / "bai.txt.gz", "a .txt.gz article"),
                        (tmp_path / "docs", "a folder of .docx articles")):
        result = CliRunner().invoke(cli, ["train", str(corpus), "--extra", str(extra), "--out", str(tmp_path / "m")])
        said = " ".join(result.output.split())
        assert result.exit_code == 2 and f"--extra {extra}: {what} (" in said, said


def test_a_templates_hundreds_of_styles_cost_no_parse(tmp_path, monkeypatch):
    """Word's templates define hundreds of styles (350 KB of them in each document): parsed whole for the few a
    document's first lines use, a folder of 300 documents took 13 s, 45 ms each. Only the styles used near the top
    are looked up, and the styles part is never parsed. (What it costs is measured in benchmarks/bench_documents.py,
    against python-docx: the project times in benchmarks, never in a test, where a loaded machine fails it.)"""
    from dvtopics.io import documents

    parsed, looked_up = [], []
    parse, body = documents._parse, documents._Styles.body
    monkeypatch.setattr(documents, "_parse", lambda archive, name, *rest: (parsed.append(name),
                                                                           parse(archive, name, *rest))[1])
    monkeypatch.setattr(documents._Styles, "body", lambda styles, style: (looked_up.append(style),
                                                                          body(styles, style))[1])
    styles = HEADING_1.format(id="u1") + "".join(
        f'<w:style w:type="paragraph" w:styleId="S{n}"><w:name w:val="Style {n}"/><w:rPr><w:b/></w:rPr></w:style>'
        for n in range(6000)) + '<w:latentStyles>' + '<w:lsdException w:name="x"/>' * 6000 + '</w:latentStyles>'
    for n in range(20):
        write_docx(tmp_path / f"a{n:02}.docx", paragraph("Báo Lạng Sơn", "S7") + paragraph("Gặp mặt đầu xuân", "u1")
                   + paragraph(TEXT, "S9"), styles)
    articles = read(tmp_path)
    assert {a.title for a in articles} == {"Gặp mặt đầu xuân"}
    assert parsed == ["_rels/.rels", "word/document.xml"] * 20  # (each document's package and text, not its styles)
    assert looked_up == ["S7", "u1", "S9"] * 20  # 3 of the 6,001 styles, in each document


def test_a_sites_name_or_section_styled_as_a_heading_is_no_title(tmp_path):
    """A page pasted from a site that sets its logo and its sections as headings (an <h1> is Word's Heading 1): the
    headline under them is the title, as in a .txt, not the site's name."""
    styles = HEADING_1.format(id="Heading1")
    write_docx(tmp_path / "a.docx", paragraph("Báo Lạng Sơn điện tử", "Heading1") + paragraph("Chính trị", "Heading1")
               + paragraph("Hội nghị tổng kết công tác dân vận", "Heading1") + paragraph(TEXT), styles)
    write_docx(tmp_path / "b.docx", paragraph("Báo Lạng Sơn điện tử", "Heading1") + paragraph("Xã hội", "Heading1")
               + paragraph("Gặp mặt đầu xuân năm 2024") + paragraph("Thứ Năm, 05/07/2024 08:15") + paragraph(TEXT),
               styles)
    assert [a.title for a in read(tmp_path)] == ["Hội nghị tổng kết công tác dân vận", "Gặp mặt đầu xuân năm 2024"]


def test_a_text_box_in_the_headline_comes_after_it(tmp_path):
    """A photo's caption in a text box anchored in the headline's paragraph: its lines were read before the headline,
    which lost the title to the caption. They follow the paragraph they are anchored in."""
    box = ('<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
           '<mc:Choice Requires="wps"><w:txbxContent><w:p><w:r><w:t>Ảnh: Các đại biểu dự hội nghị</w:t></w:r></w:p>'
           '</w:txbxContent></mc:Choice></mc:AlternateContent></w:r>')
    write_docx(tmp_path / "a.docx", f'<w:p>{box}<w:r><w:t>Hội nghị tổng kết công tác dân vận</w:t></w:r></w:p>'
               + paragraph(TEXT))
    [article] = read(tmp_path)
    assert article.title == "Hội nghị tổng kết công tác dân vận"
    assert article.raw.splitlines()[:2] == ["Hội nghị tổng kết công tác dân vận", "Ảnh: Các đại biểu dự hội nghị"]


def test_a_labels_id_column_of_document_names_is_said_to_be_one(tmp_path):
    """A labels table whose `id` column holds the documents' file names ("b.docx") labels none (an id is read as
    written); the error says the id is the article's but for its suffix, and to head the column `file`."""
    from dvtopics.errors import DvtopicsError
    from dvtopics.jobs.checks import check_ids_found

    with pytest.raises(DvtopicsError, match=r"its 'b\.docx' is the article 'b' without its suffix \(head the column "
                                            r"`file`"):
        check_ids_found({"b.docx": "other", "c.odt": "other"}, {"b", "c"}, "--labels")


def test_evaluate_on_documents_without_labels_says_their_files_hold_none(tmp_path):
    """A folder of .docx articles given to evaluate without --labels was told "a .txt article holds no label"."""
    from click.testing import CliRunner
    from dvtopics.cli import cli

    write_docx(tmp_path / "a.docx", paragraph("Hội nghị tổng kết công tác dân vận") + paragraph(TEXT))
    result = CliRunner().invoke(cli, ["evaluate", "shipped", str(tmp_path)])
    said = " ".join(result.output.split())
    assert result.exit_code == 2 and "an article's file (.txt, .docx, .odt) holds no label" in said, said


def test_a_styles_part_of_unclosed_styles_costs_no_hours(tmp_path):
    """The review of hunt 29 K: each style looked up was searched for up to its closing tag; a crafted styles part
    of thousands of unclosed openings made that search run to the part's end from each (minutes for 1.5 KB,
    hours for the 16 MB allowed). A style's body is looked for within a style's size: its heading still found."""
    from dvtopics.io import documents

    styles = HEADING_1.format(id="u1") + '<w:style w:type="paragraph" w:styleId="S1">' * 8000
    write_docx(tmp_path / "a.docx", paragraph("Gặp mặt đầu xuân", "u1") + paragraph(TEXT, "S1"), styles)
    searched = []
    find = bytes.find

    class Counted(bytes):  # the bytes the lookup searches, counted as it searches them
        def find(self, sub, start=0, end=None):
            searched.append((end if end is not None else len(self)) - start)
            return find(self, sub, start, end if end is not None else len(self))

    styles = documents._Styles(None, "word/styles.xml", tmp_path / "a.docx")
    with zipfile.ZipFile(tmp_path / "a.docx") as archive:
        styles.part = Counted(archive.read("word/styles.xml"))
    assert styles.heading("u1") and not styles.heading("S1") and styles.hidden("S1") is None
    # (a style's id is searched for once, through the part; a style's end within a style's size)
    assert searched and len([n for n in searched if n > documents._STYLE_MAX_BYTES]) <= 2
    assert [a.title for a in read(tmp_path)] == ["Gặp mặt đầu xuân"]


class _Reading:
    def __init__(self, data):
        self.data = data

    def read(self, size=-1):
        return self.data

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_a_part_flagged_as_encrypted_is_one_error_and_the_folder_is_read_on(tmp_path):
    """The review of hunt 29 K: a zip's encryption flag (a password, or one damaged byte) on a part other than the
    text (an .odt's mimetype, a .docx's styles) raised zipfile's RuntimeError: a traceback ended the folder's
    reading, its .txt never read. A .docx's styles part is optional (hunt 30 P's review): flagged, it is none, and the
    text is read (Word protects a document by encrypting the whole package; a zip tool, every part, the text's too)."""
    write_odt(tmp_path / "a.odt", f"<text:p>{TEXT}</text:p>")
    write_docx(tmp_path / "b.docx", paragraph("Gặp mặt đầu xuân", "u1") + paragraph(TEXT),
               HEADING_1.format(id="u1"))
    for document, part in ((tmp_path / "a.odt", "mimetype"), (tmp_path / "b.docx", "word/styles.xml")):
        _flag_encrypted(document, part)
    (tmp_path / "c.txt").write_text(f"Gặp mặt đầu xuân\n{TEXT}", encoding="utf-8")
    articles = {a.id: a for a in read(tmp_path)}
    assert set(articles) == {"a", "b", "c"} and not articles["c"].error
    assert "protected by a password" in articles["a"].error
    assert not articles["b"].error and articles["b"].raw == f"Gặp mặt đầu xuân\n{TEXT}"


def _flag_encrypted(path, part):
    """Set the zip's encryption flag on `part` alone, in its local header and its central directory entry."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        data[archive.getinfo(part).header_offset + 6] |= 1
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        length = int.from_bytes(data[at + 28:at + 30], "little")
        if data[at + 46:at + 46 + length] == part.encode():
            data[at + 8] |= 1
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))


def test_a_part_inflating_hundreds_of_times_over_is_refused_before_it_is_parsed(tmp_path):
    """The review of hunt 29 K: the bomb guard counted bytes, and expat's callbacks cost time by the element: 224 KB
    inflating to 160 MB of empty paragraphs took a minute, then read. A document's text inflates 5 to 20 times."""
    write_docx(tmp_path / "bomb.docx", "<w:p/>" * 400_000 + paragraph(TEXT))
    write_docx(tmp_path / "fine.docx", paragraph("Gặp mặt đầu xuân") + paragraph(TEXT) * 200)
    articles = {a.id: a for a in read(tmp_path)}
    assert "word/document.xml inflates" in articles["bomb"].error and "times over (a zip bomb" in articles["bomb"].error
    assert not articles["fine"].error


def test_a_zip_of_too_many_members_is_refused_before_it_is_opened(tmp_path, monkeypatch):
    """zipfile lists every member as it opens a zip, about 1 KB each (500,000 empty members cost 500 MB before any
    check): the count the end record declares is read first, and the zip64 record's (zipfile's), so that an end record
    that understates it does not let it by."""
    many = write_docx(tmp_path / "many.docx", paragraph(TEXT), parts={f"x/{i}": "" for i in range(30_000)})
    data = many.read_bytes()
    end = data.rindex(b"PK\x05\x06")
    members, size, offset = struct.unpack_from("<HLL", data, end + 10)
    # the same zip with an end record that says 3 members in 100 bytes, and a zip64 record and locator that tell the
    # truth (as zipfile reads them)
    zip64 = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, members, members, size, offset)
    lying = (data[:end] + zip64 + struct.pack("<4sLQL", b"PK\x06\x07", 0, end, 1)
             + struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 3, 3, 100, offset, 0))
    (tmp_path / "lying.docx").write_bytes(lying)
    opened = []
    monkeypatch.setattr(zipfile.ZipFile, "_RealGetContents",
                        lambda self, real=zipfile.ZipFile._RealGetContents: opened.append(1) or real(self))
    articles = read(tmp_path)
    assert [(a.id, a.error.split(": ", 1)[1][:39] if a.error else None) for a in articles] == [
        ("lying", "a zip that lists 30,003 members, over t"), ("many", "a zip that lists 30,003 members, over t")]
    assert "not opened" in articles[0].error and not opened
    # and a document of a few parts is read as it was
    (tmp_path / "ok").mkdir()
    write_docx(tmp_path / "ok" / "a.docx", paragraph(TEXT))
    assert [a.raw for a in read(tmp_path / "ok")] == [TEXT]


def test_a_link_to_a_document_in_the_folder_is_named_for_what_it_is(tmp_path, caplog):
    """A link to a document the folder's walk reads as itself was noted as "link to a .txt file"."""
    write_docx(tmp_path / "a.docx", paragraph("Hội nghị tổng kết") + paragraph(TEXT))
    write_odt(tmp_path / "c.odt", f"<text:p>Gặp mặt đầu xuân</text:p><text:p>{TEXT}</text:p>")
    (tmp_path / "b.docx").symlink_to(tmp_path / "a.docx")
    (tmp_path / "d.odt").symlink_to(tmp_path / "c.odt")
    (tmp_path / "e.odt").symlink_to(tmp_path / "c.odt")
    with caplog.at_level(logging.WARNING):
        assert [a.id for a in read(tmp_path)] == ["a", "c"]
    assert "1 link to a .docx file in the folder not read (e.g. 'b.docx'): the file it names is read" in caplog.text
    assert "2 links to .odt files in the folder not read (e.g. 'd.odt'): the file it names is read" in caplog.text
    assert ".txt" not in caplog.text


def test_a_symbol_that_is_no_character_adds_nothing():
    """The review of hunt 29 K2: a w:sym's code went into the text as it was, a half of a surrogate pair (D800), a
    noncharacter (FFFE) or a control character (0085) too: no text may hold one."""
    from dvtopics.io.documents import _symbol

    assert [_symbol({"w font": "Arial", "w char": code}) for code in ("D800", "FFFE", "0085", "FDD0", "00B0")] == [
        "", "", "", "", "°"]


@pytest.mark.parametrize("mimetype, said", [
    ("application/vnd.oasis.opendocument.text-web", "an OpenDocument web page (.oth) under another name"),
    ("application/vnd.sun.xml.writer", "an OpenOffice.org 1 text (.sxw) under another name")])
def test_an_opendocument_text_of_another_kind_is_told_to_be_saved_as_odt(tmp_path, mimetype, said):
    """The review of hunt 29 K2: a Writer/Web page or an OpenOffice.org 1 text named .odt was "an archive: extract its
    files into a folder", which gives only XML; LibreOffice opens it and saves it as .odt."""
    with zipfile.ZipFile(tmp_path / "a.odt", "w") as archive:
        archive.writestr("mimetype", mimetype)
        archive.writestr("content.xml", f"<office:document-content {ODF}/>")
    [article] = read(tmp_path)
    assert said in article.error and "save it as .odt to read it" in article.error


def test_a_zip_whose_list_of_members_is_too_large_says_so(tmp_path):
    """The review of hunt 29 K2: a zip of 4,503 members with long names was refused as "lists 4,503 members …, over
    the 10,000": the list's size refused it, and it is said so."""
    from dvtopics.io.files import crowded_zip

    with zipfile.ZipFile(tmp_path / "long.docx", "w") as archive:
        for n in range(4_503):
            archive.writestr(f"{n:05}" + "x" * 275, "")
    said = crowded_zip(tmp_path / "long.docx")
    assert said.startswith("a zip whose list of members is 1.4 MB, over the 1.2 MB") and "4,503" not in said


def test_a_runs_character_style_that_hides_its_text_hides_it_and_an_odt_spans_edge_space_is_one(tmp_path):
    """The review of hunt 29: Word text hidden through a character style (a run's w:rStyle whose style, or the style it
    is based on, has w:vanish) was read, where a run's own w:vanish was left out; and an .odt span's edge space beside
    the paragraph's own made a double space ("vận  Tỉnh"), where ODF collapses white space across elements."""
    styles = ('<w:style w:type="character" w:styleId="An"><w:name w:val="An"/><w:rPr><w:vanish/></w:rPr></w:style>'
              '<w:style w:type="character" w:styleId="AnCon"><w:basedOn w:val="An"/></w:style>'
              '<w:style w:type="character" w:styleId="Hien"><w:basedOn w:val="An"/><w:rPr><w:vanish w:val="0"/>'
              '</w:rPr></w:style>')
    runs = [("", "Ban Dân vận"), ('<w:rStyle w:val="An"/>', " CHỮ ẨN"), ('<w:rStyle w:val="AnCon"/>', " ẨN NỮA"),
            ('<w:rStyle w:val="Hien"/>', " Tỉnh ủy"), ('<w:rStyle w:val="An"/><w:vanish w:val="0"/>', " tổ chức"),
            ("", " hội nghị.")]
    write_docx(tmp_path / "a.docx", "<w:p>" + "".join(f'<w:r><w:rPr>{properties}</w:rPr><w:t xml:space="preserve">'
                                                      f"{text}</w:t></w:r>" for properties, text in runs) + "</w:p>",
               styles)
    write_odt(tmp_path / "b.odt", '<text:p> Ban Dân vận <text:span text:style-name="T1"> Tỉnh ủy </text:span> tổ '
              'chức<text:s/> hội nghị.</text:p>')
    assert [a.raw for a in read(tmp_path)] == ["Ban Dân vận Tỉnh ủy tổ chức hội nghị."] * 2


def test_word_text_hidden_through_a_paragraphs_style_is_left_out_and_a_runs_own_setting_has_the_last_word(tmp_path):
    """The review of hunt 30 P: a paragraph style (a linked one too) whose w:rPr has w:vanish hides its paragraph's
    runs in Word, and was read; a run's character style and its own w:vanish ("0" too) override the paragraph's; and a
    run's own w:vanish written before its w:rStyle (out of the schema's order) lost to the style, which hid nothing."""
    styles = ('<w:style w:type="paragraph" w:styleId="GhiChu"><w:name w:val="Ghi chú"/><w:link w:val="GhiChuChar"/>'
              '<w:rPr><w:vanish/></w:rPr></w:style>'
              '<w:style w:type="character" w:styleId="GhiChuChar"><w:link w:val="GhiChu"/><w:rPr><w:vanish/></w:rPr>'
              '</w:style>'
              '<w:style w:type="paragraph" w:styleId="GhiChuCon"><w:basedOn w:val="GhiChu"/></w:style>'
              '<w:style w:type="character" w:styleId="Hien"><w:rPr><w:vanish w:val="0"/></w:rPr></w:style>'
              '<w:style w:type="character" w:styleId="Nhan"><w:rPr><w:b/></w:rPr></w:style>')

    def styled(paragraph_style, *runs):
        properties = f'<w:pPr><w:pStyle w:val="{paragraph_style}"/></w:pPr>' if paragraph_style else ""
        return f"<w:p>{properties}" + "".join(f'<w:r><w:rPr>{run}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'
                                              for run, text in runs) + "</w:p>"

    body = [paragraph(TEXT), styled("GhiChu", ("", "ẨN1 ghi chú của phóng viên")), styled("GhiChuCon", ("", "ẨN2")),
            styled(None, ('<w:rStyle w:val="GhiChuChar"/>', "ẨN3")),
            styled("GhiChu", ("", "ẨN4 "), ('<w:rStyle w:val="Hien"/>', "Hiện theo kiểu"),
                   ('<w:vanish w:val="0"/>', " và tự hiện"), ('<w:rStyle w:val="Nhan"/>', " ẨN5")),
            styled(None, ("", "Cuối"), ('<w:vanish/><w:rStyle w:val="Nhan"/>', " ẨN6"),  # (out of the schema's order)
                   ('<w:vanish w:val="0"/><w:rStyle w:val="GhiChuChar"/>', " bài."))]
    write_docx(tmp_path / "a.docx", "".join(body), styles)
    [article] = read(tmp_path)
    assert [line for line in article.raw.splitlines() if line] == [TEXT, "Hiện theo kiểu và tự hiện", "Cuối bài."]


def test_a_damaged_styles_part_is_none_and_read_only_when_a_style_is_named(tmp_path, monkeypatch):
    """The review of hunt 30 P: a .docx whose styles part alone is damaged (a bad CRC from a flaky copy, a compression
    zipfile does not read) was lost whole, "a damaged document", where the text was read before: the part is optional,
    and a damaged one is none. And it was read, then searched whole with a regular expression, for each document, once
    any style hid text (Word's "z-Top of Form", which a page pasted from the web brings): 6 to 10 times the time. It is
    read only when a paragraph or a run names a style."""
    from dvtopics.io import documents

    styles = HEADING_1.format(id="u1") + '<w:style w:type="paragraph" w:styleId="zTopofForm"><w:rPr><w:vanish/>' \
        '</w:rPr></w:style>'
    write_docx(tmp_path / "plain.docx", paragraph("Gặp mặt đầu xuân") + paragraph(TEXT), styles)
    opened = []
    open_part = documents._open_part
    monkeypatch.setattr(documents, "_open_part", lambda archive, name, path: (
        opened.append(getattr(name, "filename", name)), open_part(archive, name, path))[1])
    assert [a.raw for a in read(tmp_path)] == [f"Gặp mặt đầu xuân\n{TEXT}"] and "word/styles.xml" not in opened
    (tmp_path / "plain.docx").unlink()

    for damage in ("crc", "method"):
        path = write_docx(tmp_path / f"{damage}.docx", paragraph("Gặp mặt đầu xuân", "u1") + paragraph(TEXT, "u2"),
                          styles + '<w:style w:type="paragraph" w:styleId="u2"/>')
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("word/styles.xml")
        data = bytearray(path.read_bytes())
        if damage == "crc":
            extra = struct.unpack_from("<H", data, info.header_offset + 28)[0]
            data[info.header_offset + 30 + len(info.filename) + extra + 10] ^= 0xFF  # (a byte of its deflated data)
        else:  # a compression method zipfile does not read, in its local header and the central directory's entry
            struct.pack_into("<H", data, info.header_offset + 8, 99)
            central = data.find(b"PK\x01\x02", 0)
            while data[central + 46:central + 46 + len(info.filename)] != info.filename.encode():
                central = data.find(b"PK\x01\x02", central + 4)
            struct.pack_into("<H", data, central + 10, 99)
        path.write_bytes(bytes(data))
    opened.clear()
    articles = read(tmp_path)
    assert [(a.error, a.raw) for a in articles] == [(None, f"Gặp mặt đầu xuân\n{TEXT}")] * 2
    assert opened.count("word/styles.xml") == 2
