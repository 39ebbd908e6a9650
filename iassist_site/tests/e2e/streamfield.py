"""Inserting a StreamField block in the Wagtail admin, as an editor does: the insert button, then the block."""

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

# The top-level "Insert a block" buttons of the body, not those inside a notice.
BODY_INSERT = "#body-root > [data-streamfield-stream-container] > div > .c-sf-add-button"
NOTICE_INSERT = '#body-root [data-contentpath="content"] .c-sf-add-button'
MENU_INSERT = "#menu-root > [data-streamfield-stream-container] > div > .c-sf-add-button"
CLICKS = 3


def insert_block(page, insert_button, block_label, step=None):
    """Click `insert_button` and choose `block_label`; `step` counts the editor's two actions if given."""
    act = step or (lambda action, *args: action(*args))
    option = page.get_by_role("option", name=block_label, exact=True)
    act(insert_button.click)
    # A block just inserted may not listen to its own insert button yet, and on a busy machine the
    # first click can go unheard: the editor would click again, so the test does (not a step more).
    for _again in range(CLICKS - 1):
        try:
            option.wait_for(state="visible", timeout=10_000)
            break
        except PlaywrightTimeoutError:
            insert_button.click()
    act(option.click)
    # The chooser fades out: until it has gone, the next chooser's options would be there twice.
    expect(page.locator(".w-combobox__option:visible")).to_have_count(0)
