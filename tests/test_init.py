"""``plainwords init``: a commented starter file that is valid as written and never clobbers."""

from __future__ import annotations

from pathlib import Path

from plainwords.cli import main
from plainwords.commands.init import STARTER
from plainwords.config import Config, load_config


def test_init_writes_a_valid_commented_starter(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["init"]) == 0
    assert "wrote .plainwords.toml" in capsys.readouterr().out
    written = (tmp_path / ".plainwords.toml").read_text(encoding="utf-8")
    assert written == STARTER
    assert written.count("\n# ") >= 10  # every setting is explained
    config = load_config(Path(".plainwords.toml"))
    # As written it changes nothing: every active line holds the default.
    defaults = Config()
    assert (config.disable, config.allow, config.fail_on, config.exclude, config.severity) == (
        defaults.disable,
        defaults.allow,
        defaults.fail_on,
        defaults.exclude,
        defaults.severity,
    )


def test_every_commented_example_is_valid_when_uncommented(tmp_path):
    lines = []
    for line in STARTER.splitlines():
        example = line.removeprefix("# ")
        if line.startswith("# ") and ("=" in example or example.startswith("[")):
            lines.append(example)
        elif not line.startswith("#"):
            lines.append(line)
    text = "\n".join(lines).replace("disable = []\n", "", 1)
    path = tmp_path / ".plainwords.toml"
    path.write_text(text, encoding="utf-8")
    config = load_config(path)
    assert config.model == "en_core_web_sm"
    assert config.overrides[0].paths == ("docs/legal/**",)
    assert config.severity == {"jargon": "suggestion"}


def test_init_refuses_to_overwrite_without_force(tmp_path, capsys):
    target = tmp_path / ".plainwords.toml"
    target.write_text("fail_on = 'error'\n", encoding="utf-8")
    assert main(["init", str(tmp_path)]) == 2
    assert "already exists; use --force" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "fail_on = 'error'\n"
    assert main(["init", "--force", str(tmp_path)]) == 0
    assert target.read_text(encoding="utf-8") == STARTER


def test_init_into_a_missing_directory_is_a_usage_error(tmp_path, capsys):
    assert main(["init", str(tmp_path / "nope")]) == 2
    assert "no such directory" in capsys.readouterr().err
