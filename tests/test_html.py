"""HTML input (optional extra ``html``): the article out of a saved web page."""

from __future__ import annotations

import builtins
from pathlib import Path
from typing import Any

import pytest

import dnnd
from dnnd import cli
from dnnd._html import looks_like_html
from dnnd.errors import InputError

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Tọa đàm - Thời Đại</title>
<meta property="article:published_time" content="2022-07-20T22:12:00+07:00"></head><body>
<nav><a href="/">Trang chủ</a> | <a href="/huu-nghi">Hữu nghị</a> | <a href="/x">Bốn phương</a></nav>
<article><h1>Tìm giải pháp hiệu quả nâng cao công tác đối ngoại nhân dân trong tình hình mới</h1>
<p>Chiều 20/7, tại Bắc Giang, Cụm thi đua số 1 của Liên hiệp các tổ chức hữu nghị Việt Nam tổ chức tọa đàm về
công tác đối ngoại nhân dân ở địa phương, góp phần thực hiện hiệu quả Chỉ thị số 12-CT/TW của Ban Bí thư.</p>
<p>Tham dự tọa đàm có ông Nguyễn Văn Doanh, Phó Chủ tịch Liên hiệp các tổ chức hữu nghị Việt Nam; đại diện
liên hiệp các tỉnh, thành phố trong cụm thi đua.</p>
<p>Phát biểu khai mạc, ông Trần Công Thắng, Chủ tịch Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang, nhận định
tọa đàm là dịp để chia sẻ kinh nghiệm.</p>
</article>
<aside><h3>Tin bài liên quan</h3><ul><li><a href="/a">Hội hữu nghị Việt Nam - Cuba tổ chức giao lưu</a></li></ul></aside>
<footer>Bản quyền thuộc về Thời Đại</footer></body></html>"""


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("a.html", "whatever", True),
        ("a.HTM", "whatever", True),
        ("a.txt", "  <!DOCTYPE html><html>", True),
        ("a.txt", "<html lang='vi'>", True),
        ("a.txt", "Sáng 14/7, <b>Hội</b> họp.", False),
    ],
)
def test_looks_like_html(name: str, text: str, expected: bool) -> None:
    assert looks_like_html(name, text) is expected


def test_html_without_the_extra_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_trafilatura(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "trafilatura":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_trafilatura)
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    with pytest.raises(InputError, match=r"dnnd\[html\]") as info:
        dnnd.read(page)
    assert str(page) in str(info.value)
    assert cli.main(["extract", str(page)]) == 1


def test_a_broken_html_extra_is_not_called_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """trafilatura installed without lxml_html_clean once read as "needs the optional extra"."""
    real_import = builtins.__import__

    def broken(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "trafilatura":
            err = ImportError("lxml.html.clean module is now a separate project lxml_html_clean.")
            err.name = "lxml.html.clean"
            raise err
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", broken)
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    with pytest.raises(InputError, match=r"installed but cannot start \(lxml\.html\.clean module") as info:
        dnnd.read(page)
    assert str(page) in str(info.value) and "dnnd[html]" in str(info.value)


def test_the_html_extra_declares_what_trafilatura_needs() -> None:
    from importlib.metadata import requires

    html = [r.split(";")[0].strip() for r in requires("dnnd") or [] if "extra == \"html\"" in r]
    assert any(r.startswith("trafilatura") for r in html)
    assert any(r.replace("-", "_").startswith("lxml_html_clean") for r in html), html


def test_plain_text_never_needs_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_trafilatura(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "trafilatura":
            raise AssertionError("the plain-text path imported trafilatura")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_trafilatura)
    path = tmp_path / "a.txt"
    path.write_text("Tiêu đề\n\nSáng 14/7/2022, Liên hiệp các tổ chức hữu nghị TP Hà Nội họp.\n", encoding="utf-8")
    assert dnnd.read(path).encoding == "utf-8"


def test_html_page_is_read_through_trafilatura(tmp_path: Path) -> None:
    """Runs in CI: the test extra installs the html extra (trafilatura 2.3 with lxml 6 needs lxml_html_clean)."""
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    article = dnnd.read(page)
    assert article.title == "Tìm giải pháp hiệu quả nâng cao công tác đối ngoại nhân dân trong tình hình mới"
    assert article.published is not None and article.published.iso == "2022-07-20"
    assert article.encoding == "utf-8"
    assert [d.number for d in article.documents] == ["12-CT/TW"]
    names = {o.name for o in article.organisations}
    assert "Liên hiệp các tổ chức hữu nghị Việt Nam" in names
    assert not any("Cuba" in n for n in names)  # the related-stories box is gone
    assert "Trang chủ" not in article.text and "Bản quyền" not in article.text
    for person in article.people:
        for span in person.mentions:
            assert article.text[span.start : span.end].strip()
