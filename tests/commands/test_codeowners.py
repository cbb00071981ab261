"""`kehoach codeowners`: CODEOWNERS from units/; validate warns (KH042) when it is stale."""

from __future__ import annotations

from pathlib import Path

from kehoach.commands.common import load_checked
from tests.conftest import REPO, TODAY


def _set_reviewers(root: Path, code: str, reviewers: list[str]) -> None:
    path = root / "units" / f"{code}.yaml"
    text = path.read_text(encoding="utf-8")
    listed = "\n".join(f'  - "{r}"' for r in reviewers)
    path.write_text(text.replace("reviewers: []", f"reviewers:\n{listed}"), encoding="utf-8")


def test_writes_owners_from_units(cli, example_root):
    _set_reviewers(example_root, "QLMT", ["nguyenvana", "@so-nnmt/qlmt"])
    _set_reviewers(example_root, "TTQT", ["tranthib"])
    result = cli(["codeowners"], root=example_root)
    assert result.exit_code == 0, result.output
    text = (example_root / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert text.startswith("# Tệp này do `kehoach codeowners` tạo")
    assert "/progress/QLMT/ @nguyenvana @so-nnmt/qlmt\n" in text
    assert "/progress/TTQT/ @tranthib\n" in text
    for folder in ("plan", "templates", "units", "src", ".github", ".ci"):
        assert f"/{folder}/ @nguyenvana @so-nnmt/qlmt\n" in text  # QLMT is the focal unit
    for tool in ("pyproject.toml", "uv.lock", "requirements*.txt", "Makefile", ".gitlab-ci.yml", ".pre-commit-*.yaml"):
        assert f"/{tool} @nguyenvana @so-nnmt/qlmt\n" in text  # tool changes: the maintainers
    assert "/progress/VP/" not in text  # no reviewers: a comment, never an invented owner
    assert "VP" in [c.strip(" .\n") for c in text.split("trống): ")[1].split(",")]


def test_focal_unit_without_reviewers_is_a_comment(cli, example_root):
    _set_reviewers(example_root, "TTQT", ["tranthib"])
    cli(["codeowners"], root=example_root)
    text = (example_root / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert "/plan/" not in text and "đơn vị đầu mối QLMT chưa có người duyệt" in text


def test_check_and_stale_warning(cli, example_root):
    assert cli(["codeowners", "--check"], root=example_root).exit_code == 1  # no file yet
    assert not [p for p in load_checked(example_root, TODAY).problems if p.code == "KH042"]
    assert cli(["codeowners"], root=example_root).exit_code == 0
    assert cli(["codeowners", "--check"], root=example_root).exit_code == 0
    _set_reviewers(example_root, "VP", ["lethic"])
    result = cli(["codeowners", "--check"], root=example_root)
    assert result.exit_code == 1 and "kehoach codeowners" in result.output
    stale = [p for p in load_checked(example_root, TODAY).problems if p.code == "KH042"]
    assert len(stale) == 1 and stale[0].severity == "warning" and stale[0].path == ".github/CODEOWNERS"
    validate = cli(["validate"], root=example_root)
    assert validate.exit_code == 0 and "KH042" in validate.output
    cli(["codeowners"], root=example_root)
    assert not [p for p in load_checked(example_root, TODAY).problems if p.code == "KH042"]


def test_output_option(cli, example_root, tmp_path):
    out = tmp_path / "CODEOWNERS"
    assert cli(["codeowners", "-o", out], root=example_root).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# Tệp này do")


def test_repo_codeowners_is_up_to_date(cli):
    result = cli(["codeowners", "--check"], root=REPO)
    assert result.exit_code == 0, result.output


def test_crlf_line_ends_are_not_stale(cli, repo):
    """A CODEOWNERS with CRLF line ends (a Windows checkout with core.autocrlf, or committed so)
    says the same owners: `codeowners --check`, validate and review all take it as current."""
    from tests.commands.gitrepo import commit

    assert cli(["codeowners"], root=repo).exit_code == 0
    path = repo / ".github" / "CODEOWNERS"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    commit(repo, "CODEOWNERS với dòng CRLF")
    assert cli(["codeowners", "--check"], root=repo).exit_code == 0
    assert "KH042" not in cli(["validate"], root=repo).output
    review = cli(["review"], root=repo)
    assert review.exit_code == 0 and "KH042" not in review.output, review.output
