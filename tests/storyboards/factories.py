"""Storyboards for tests, made through the services as a person would make them."""

import io

from django.utils import timezone

from together.storyboards import services
from together.storyboards.models import SharedHow
from together.storyboards.prompts import PROMPTS

CLEAR_WORDS = "You live with Mum. She loves you very much."


def start_storyboard(world, by=None, prompts=None, token=None):
    return services.storyboard_start(
        by=by or world.fca_allocated,
        child=world.child,
        token=token,
        title="Jayden's story",
        prompts=prompts or [p.key for p in PROMPTS[:3]],
    )


def fill_words(storyboard, by, words=CLEAR_WORDS):
    """Give every panel plain words (so the storyboard can be shared)."""
    from together.storyboards.selectors import panels_of

    for panel in panels_of(storyboard):
        panel.storyboard = storyboard
        services.panel_update(
            by=by, panel=panel, version=storyboard.version, prompt=panel.prompt, words=words
        )
    return storyboard


def share(storyboard, by, shared_with="Jayden"):
    return services.storyboard_share_record(
        by=by,
        storyboard=storyboard,
        version=storyboard.version,
        shared_with=shared_with,
        shared_how=SharedHow.READ_TOGETHER,
        shared_on=timezone.localdate(),
    )


def png_bytes(size=(40, 30), exif=None, fmt="PNG"):
    from PIL import Image

    image = Image.new("RGB", size, (200, 30, 30))
    out = io.BytesIO()
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(out, format=fmt, **kwargs)
    return out.getvalue()
