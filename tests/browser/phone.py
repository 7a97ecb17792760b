"""A page seen on a phone: 390 pixels wide, the width of a common phone held upright."""

PHONE = {"width": 390, "height": 844}

# The widest elements that stick out past the right edge, to name in a failure.
_STICKING_OUT = """width => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > width + 1)
  .sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)
  .slice(0, 5)
  .map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ` +
            `(${Math.round(e.getBoundingClientRect().right)} px)`)"""


def assert_fits_a_phone(journey):
    """The page the journey is on, at 390 pixels wide: nothing scrolls sideways, and axe-core
    finds nothing wrong with it there either. The window goes back to its size afterwards."""
    page = journey.page
    size = page.viewport_size
    page.set_viewport_size(PHONE)
    try:
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], (
            f"{page.url} is {width} px wide on a {PHONE['width']} px phone: "
            f"{page.evaluate(_STICKING_OUT, PHONE['width'])}"
        )
        journey.check_accessibility()
    finally:
        page.set_viewport_size(size)
