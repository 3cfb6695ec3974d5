"""`make publish`, `make rollback`, the lock, and `make site`'s own folder: releases in DEST/releases/, DEST/current
switched in one step, five kept, a failed build leaving DEST as it was, one command at a time.

The rules of releases (names, keeping five, rollback, a failed build) are tested with a stand-in for MkDocs that
writes one page (unit); `make` itself runs a real publish once, and `make site` twice at once (build)."""

from __future__ import annotations

import datetime
import os
import subprocess
import time
from pathlib import Path

import pytest

from conftest import copy_project, with_makefile
from macros.sla import lock, publish
from test_build import break_data, run_make, snapshot

BUILT = datetime.datetime(2026, 12, 7, 10, 15, 0)


def fake_build(project: Path, out: Path, offline: bool) -> bool:
    """Stands for MkDocs: a site of one page, saying which copy it is."""
    out.mkdir(parents=True)
    (out / "index.html").write_text("offline" if offline else "online", encoding="utf-8")
    return True


def failing_offline_build(project: Path, out: Path, offline: bool) -> bool:
    """Builds the site, then fails on the offline copy: a release half made."""
    return fake_build(project, out, offline) and not offline


def state(dest: Path) -> dict[str, str]:
    """Every file of DEST with its checksum, and where `current` leads."""
    link = dest / "current"
    return {**snapshot(dest), "current ->": os.readlink(link) if link.is_symlink() else "(none)"}


def publish_at(dest: Path, minute: int, year: str = "2008/09") -> publish.Published:
    return publish.publish(Path("unused"), dest, year, build=fake_build, now=BUILT + datetime.timedelta(minutes=minute))


@pytest.mark.unit
def test_a_release_is_named_by_year_and_time_holds_both_copies_and_becomes_current(tmp_path):
    dest = tmp_path / "intranet"
    done = publish_at(dest, 0)
    assert done.release.name == "2008-09-20261207-101500"
    assert done.release.year == "2008/09"
    assert done.before is None
    assert os.readlink(dest / "current") == "releases/2008-09-20261207-101500"
    assert (dest / "current" / "site" / "index.html").read_text(encoding="utf-8") == "online"
    assert (dest / "current" / "site-offline" / "index.html").read_text(encoding="utf-8") == "offline"
    assert sorted(path.name for path in dest.iterdir()) == ["current", "releases"]
    second = publish.publish(Path("unused"), dest, "2009/10", build=fake_build, now=BUILT)  # the same second
    assert second.release.name == "2009-10-20261207-101500-2"
    assert second.before is not None and second.before.name == "2008-09-20261207-101500"
    assert os.readlink(dest / "current") == "releases/2009-10-20261207-101500-2"


@pytest.mark.unit
def test_the_last_five_are_kept_and_never_the_live_one_or_the_one_before_it(tmp_path):
    dest = tmp_path / "intranet"
    for minute in range(6):
        publish_at(dest, minute)
    seventh = publish_at(dest, 6)
    assert seventh.removed == ["2008-09-20261207-101600"]
    assert [release.name for release in publish.releases(dest)] == [
        "2008-09-20261207-101700", "2008-09-20261207-101800", "2008-09-20261207-101900", "2008-09-20261207-102000",
        "2008-09-20261207-102100"]
    # Rolled back to the oldest kept, then published: the five latest stay, and the new one's previous.
    for _ in range(4):
        publish.rollback(dest)
    assert os.readlink(dest / "current") == "releases/2008-09-20261207-101700"
    publish_at(dest, 7)
    assert [release.name for release in publish.releases(dest)] == [
        "2008-09-20261207-101800", "2008-09-20261207-101900", "2008-09-20261207-102000", "2008-09-20261207-102100",
        "2008-09-20261207-102200"]


@pytest.mark.unit
def test_rollback_goes_to_the_release_before_then_says_there_is_none(tmp_path):
    dest = tmp_path / "intranet"
    with pytest.raises(publish.Refused, match="nothing has been published to .*intranet yet"):
        publish.rollback(dest)
    publish_at(dest, 0)
    publish_at(dest, 1)
    now, was = publish.rollback(dest)
    assert (now.name, was.name) == ("2008-09-20261207-101500", "2008-09-20261207-101600")
    assert os.readlink(dest / "current") == "releases/2008-09-20261207-101500"
    with pytest.raises(publish.Refused) as refused:
        publish.rollback(dest)
    assert str(refused.value) == (f"2008-09-20261207-101500 is the earliest release in {dest / 'releases'}, so "
                                  "there is none to go back to; 2008-09-20261207-101500 is still live.")
    assert os.readlink(dest / "current") == "releases/2008-09-20261207-101500"


@pytest.mark.unit
def test_a_failed_build_leaves_dest_as_it_was(tmp_path):
    dest = tmp_path / "intranet"
    with pytest.raises(publish.BuildFailed, match="the build of site-offline/ failed"):
        publish.publish(Path("unused"), dest, "2008/09", build=failing_offline_build, now=BUILT)
    assert not dest.exists()  # not even the folder it made
    publish_at(dest, 0)
    before = state(dest)
    with pytest.raises(publish.BuildFailed):
        publish.publish(Path("unused"), dest, "2008/09", build=failing_offline_build, now=BUILT)
    assert state(dest) == before
    assert sorted(path.name for path in (dest / "releases").iterdir()) == ["2008-09-20261207-101500"]


@pytest.mark.unit
def test_what_an_interrupted_publish_left_is_removed_by_the_next(tmp_path):
    dest = tmp_path / "intranet"
    publish_at(dest, 0)
    (dest / "releases" / ".2008-09-20261207-101530.partial" / "site").mkdir(parents=True)
    (dest / ".current.4242.new").symlink_to("releases/2008-09-20261207-101530")
    done = publish_at(dest, 1)
    assert done.tidied == [".2008-09-20261207-101530.partial", ".current.4242.new"]
    assert sorted(path.name for path in dest.rglob("*") if path.name.startswith(".")) == []


@pytest.mark.unit
def test_a_current_that_make_publish_did_not_make_is_left_alone(tmp_path):
    dest = tmp_path / "intranet"
    (dest / "current").mkdir(parents=True)
    (dest / "current" / "index.html").write_text("the old site", encoding="utf-8")
    with pytest.raises(publish.Refused, match="is a folder or file, not the link make publish makes; rename it"):
        publish_at(dest, 0)
    assert sorted(path.relative_to(dest).as_posix() for path in dest.rglob("*")) == ["current", "current/index.html"]


@pytest.mark.unit
def test_a_second_command_waits_then_names_the_one_holding_the_lock(tmp_path, capsys):
    with lock.held(tmp_path, "make publish"):
        assert (tmp_path / ".lock").read_text(encoding="utf-8") == f"make publish (pid {os.getpid()})\n"
        started = time.monotonic()
        with pytest.raises(lock.Busy) as busy, lock.held(tmp_path, "make site", wait=0.5):
            pass
        assert time.monotonic() - started >= 0.5
    assert str(busy.value) == (
        f"`make publish (pid {os.getpid()})` is still running (it holds {tmp_path / '.lock'}); wait for it to finish, "
        "then run make site again. The lock goes when that command ends, even if it is stopped or fails: there is "
        "nothing to delete.")
    waited = capsys.readouterr().err
    assert waited == f"Waiting for `make publish (pid {os.getpid()})` to finish (up to 0.5 seconds)...\n"
    with lock.held(tmp_path, "make site", wait=0):  # free again
        assert (tmp_path / ".lock").read_text(encoding="utf-8") == f"make site (pid {os.getpid()})\n"


@pytest.fixture
def make_project(tmp_path: Path) -> Path:
    return with_makefile(copy_project(tmp_path / "project"))


def make(project: Path, *arguments: str, **environment: str) -> subprocess.Popen:
    return subprocess.Popen(["make", "--no-print-directory", *arguments], cwd=project, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **environment))


@pytest.mark.build
def test_make_publish_to_a_folder_named_with_shell_characters_then_rollback_and_a_failed_publish(make_project,
                                                                                                  tmp_path):
    dest = tmp_path / "intranet $(touch pwned) `touch pwned2`; 'it''s' & \"x\""
    argument = "DEST=" + str(dest).replace("$", "$$")  # make's own `$`; the shell never sees it
    published = run_make(make_project, "publish", argument)
    assert published.returncode == 0, published.stdout + published.stderr
    assert not list(tmp_path.rglob("pwned*"))
    [release] = publish.releases(dest)
    assert release.name.startswith("2008-09-") and len(release.name) == len("2008-09-20261207-101500")
    assert os.readlink(dest / "current") == f"releases/{release.name}"
    assert (dest / "current" / "site" / "specification" / "services" / "index.html").is_file()
    assert (dest / "current" / "site-offline" / "index.html").is_file()
    assert (f"Published {release.name} (2008/09) to {release.path}/.\n"
            f"Live now: {release.name} (2008/09). The web server serves {dest}/current/site; the copy to open from "
            f"a shared drive is {dest}/current/site-offline.\n") in published.stdout

    none_before = run_make(make_project, "rollback", argument)
    assert none_before.returncode != 0
    assert none_before.stderr.startswith(f"Nothing rolled back: {release.name} is the earliest release in "
                                         f"{dest}/releases, so there is none to go back to; {release.name} is still "
                                         "live.\n")

    line = break_data(make_project)
    before = state(dest)
    failed = run_make(make_project, "publish", argument)
    assert failed.returncode != 0
    assert f"data/services.yaml:{line}: " in failed.stderr
    assert f"\nNothing published: fix the data first. {dest} is unchanged.\n" in failed.stderr
    assert state(dest) == before

    (dest / "releases" / "2008-09-20080401-090000" / "site").mkdir(parents=True)  # as if published before
    rolled = run_make(make_project, "rollback", argument)
    assert rolled.returncode == 0, rolled.stderr
    assert os.readlink(dest / "current") == "releases/2008-09-20080401-090000"
    assert rolled.stdout.startswith(f"Rolled back from {release.name} to 2008-09-20080401-090000 (2008/09); ")
    assert not list(tmp_path.rglob("pwned*"))


@pytest.mark.build
def test_make_publish_and_rollback_ask_for_dest(make_project):
    for target in ("publish", "rollback"):
        result = run_make(make_project, target)
        assert result.returncode != 0
        assert (f"Give the folder the web server serves the site from: make {target} "
                "DEST=/srv/intranet/ict-services") in result.stderr


@pytest.mark.build
def test_while_one_command_holds_the_lock_the_others_wait_then_say_which(make_project, tmp_path):
    with lock.held(make_project, "make publish"):
        holder = f"`make publish (pid {os.getpid()})`"
        runs = {target: make(make_project, target, *variables, LOCK_WAIT="1") for target, *variables in (
            ("site",), ("new-year", "YEAR=2009/10", "CONFIRM=yes"), ("publish", f"DEST={tmp_path / 'intranet'}"))}
        for target, run in runs.items():
            out, err = run.communicate(timeout=120)
            assert run.returncode != 0, target
            assert f"Waiting for {holder} to finish (up to 1 second)...\n" in err, err
            assert (f"Not started: {holder} is still running (it holds {make_project / '.lock'}); wait for it to "
                    f"finish, then run make {target} again.") in err, err
    assert not (make_project / "site").exists()
    assert not (make_project / "data" / "archive").exists()
    assert not (tmp_path / "intranet").exists()


@pytest.mark.build
def test_make_site_refuses_a_site_that_is_a_link(make_project, tmp_path):
    served = tmp_path / "srv"
    served.mkdir()
    (served / "index.html").write_text("the live site", encoding="utf-8")
    (make_project / "site").symlink_to(served)
    result = run_make(make_project, "site")
    assert result.returncode != 0
    assert result.stderr.startswith(
        f"Not built: site/ is a link (to {served}), not a folder of its own; make site does not replace what a link "
        "leads to. To put the site in the web server's folder, run make publish DEST=<that folder> (it keeps the "
        "previous release for make rollback); or rename the link site and run make site again.\n")
    assert os.readlink(make_project / "site") == str(served)
    assert [path.name for path in served.iterdir()] == ["index.html"]


@pytest.mark.build
def test_two_make_site_at_once_take_turns_and_leave_a_complete_site(make_project):
    first = make(make_project, "site")
    holder = make_project / ".lock"
    deadline = time.monotonic() + 60
    while "make site" not in (holder.read_text(encoding="utf-8") if holder.exists() else ""):
        assert time.monotonic() < deadline and first.poll() is None, "the first make site never took the lock"
        time.sleep(0.05)
    second = make(make_project, "site")
    outputs = [run.communicate(timeout=300) for run in (first, second)]
    assert [run.returncode for run in (first, second)] == [0, 0], outputs
    assert "Waiting for `make site (pid " in outputs[1][1]
    for out, _ in outputs:
        assert out.endswith("Built site/ - open site/index.html through a web server, or run 'make serve'.\n")
    site = make_project / "site"
    assert {"index.html", "404.html", "specification/services/index.html", "search/search_index.json"} \
        <= set(snapshot(site))
    assert sorted(path.name for path in make_project.glob(".build-*")) == []

