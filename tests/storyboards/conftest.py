import pytest

from tests.storyboards.factories import fill_words, share, start_storyboard
from together.storyboards import services
from together.storyboards.selectors import panels_of


@pytest.fixture
def storyboard(world):
    return start_storyboard(world)


@pytest.fixture
def shared(world, storyboard):
    """A storyboard with plain words everywhere, shared once, with a drawing on its first panel."""
    from tests.storyboards.factories import png_bytes

    fill_words(storyboard, world.fca_allocated)
    panel = panels_of(storyboard)[0]
    panel.storyboard = storyboard
    services.drawing_add(
        by=world.fca_allocated,
        panel=panel,
        version=storyboard.version,
        data=png_bytes(),
        description="Jayden's drawing of his house",
    )
    return share(storyboard, world.fca_allocated)
