"""Backups hold every account's password hash: written for their owner alone, and restored only so."""

import os
import stat
from contextlib import contextmanager

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from home.backup import BackupError, create_backup, restore_backup

pytestmark = pytest.mark.django_db


@contextmanager
def umask(mask):
    previous = os.umask(mask)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def archive(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    User.objects.create_user("editor", "editor@example.org", "a-long-password-1")
    return create_backup(tmp_path / "backups")


def test_a_backup_is_readable_only_by_its_owner_even_with_a_permissive_umask(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    with umask(0o000):
        archive = create_backup(tmp_path / "backups")
    assert mode(archive) == 0o600
    assert mode(archive.parent) == 0o700


@pytest.mark.parametrize("readable", [0o644, 0o640, 0o604])
def test_restore_refuses_an_archive_others_can_read_and_changes_nothing(archive, readable):
    archive.chmod(readable)
    User.objects.create_user("newcomer", "newcomer@example.org", "a-long-password-2")
    with pytest.raises(BackupError, match=rf"its mode is {readable:04o}.*chmod 600.*--allow-readable"):
        restore_backup(archive)
    assert User.objects.filter(username="newcomer").exists()


def test_the_restore_command_refuses_a_readable_archive_before_asking(archive):
    archive.chmod(0o644)
    # Without --yes the command would ask on standard input, which pytest closes: it must not get that far.
    with pytest.raises(CommandError, match="other users can read it"):
        call_command("restore_site", str(archive))


def test_the_restore_command_restores_a_readable_archive_when_allowed(archive):
    archive.chmod(0o644)
    User.objects.create_user("newcomer", "newcomer@example.org", "a-long-password-2")
    call_command("restore_site", str(archive), yes=True, allow_readable=True)
    assert list(User.objects.values_list("username", flat=True)) == ["editor"]
