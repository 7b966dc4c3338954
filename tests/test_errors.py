"""User-facing errors: one small hierarchy with exit codes, worded in one place."""

from __future__ import annotations

import pytest

from plainwords import errors
from plainwords.cli import main
from plainwords.config import load_config
from plainwords.yamlfile import DataError


@pytest.mark.parametrize(
    "kind",
    [
        errors.ConfigError,
        errors.UnknownNameError,
        errors.LexiconError,
        errors.ReadError,
        errors.SizeLimitError,
        errors.WriteError,
        errors.ModelError,
        DataError,
    ],
)
def test_every_user_error_is_a_plainwords_error_with_exit_2(kind):
    assert issubclass(kind, errors.PlainwordsError)
    assert kind.exit_code == errors.EXIT_USAGE


def test_each_problem_is_one_line():
    error = errors.LexiconError([DataError("a.yaml", 3, "bad"), DataError("a.yaml", None, "worse")])
    assert errors.messages(error) == ["plainwords: a.yaml:3: bad", "plainwords: a.yaml: worse"]
    assert errors.messages(errors.WriteError("x: cannot write")) == ["plainwords: x: cannot write"]


def test_the_nearest_name_is_suggested_only_when_close():
    known = ["service-user", "hard-to-reach", "jargon"]
    assert errors.did_you_mean("servce-user", known) == "; did you mean 'service-user'?"
    assert errors.did_you_mean("zzzz", known) == ""


def test_a_bad_configuration_is_a_config_error_naming_file_and_key(tmp_path, capsys):
    path = tmp_path / ".plainwords.toml"
    path.write_text('fail_on = "sometimes"\n', encoding="utf-8")
    with pytest.raises(errors.ConfigError, match="fail_on: must be one of"):
        load_config(path)
    assert main(["check", "--config", str(path), str(path)]) == 2
    assert capsys.readouterr().err == (
        f"plainwords: {path}: fail_on: must be one of error, warning, suggestion, never\n"
    )
