"""The picture library: pictures from Twemoji (CC BY 4.0, attributed on the accessibility
statement), chosen and grouped for telling a child's story, each with alt text we wrote and
words to find it by.

The SVG files are copied from the npm package into this app's static files by
`python -m together.storyboards.copy_pictures` (committed, so a checkout needs no build step),
and served only from the service's own static files.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Picture:
    id: str
    file: str  # the Twemoji file name, without .svg (the emoji's code points)
    alt: str
    words: str  # more words to find it by, besides those in the alt text
    group: str

    @property
    def static_path(self) -> str:
        return f"storyboards/pictures/{self.id}.svg"

    @property
    def search_text(self) -> str:
        return f"{self.alt} {self.words} {self.group}".lower()


GROUPS = [
    ("people", "People"),
    ("families", "Families"),
    ("home", "Home"),
    ("school", "School"),
    ("court", "Court and the judge"),
    ("police", "Police"),
    ("health", "Hospital and doctors"),
    ("travel", "Cars, buses and trains"),
    ("feelings", "Feelings"),
    ("places", "Places"),
    ("weather", "Weather"),
    ("talking", "Talking and keeping in touch"),
    ("things", "Things"),
]

_TONES = [
    ("1f3fb", "light"),
    ("1f3fc", "medium-light"),
    ("1f3fd", "medium"),
    ("1f3fe", "medium-dark"),
    ("1f3ff", "dark"),
]

# (id, code points, who, words): each in every skin colour.
_PEOPLE = [
    ("baby", "1f476", "A baby", "baby little brother sister newborn"),
    ("girl", "1f467", "A girl", "girl child sister daughter me"),
    ("boy", "1f466", "A boy", "boy child brother son me"),
    ("child", "1f9d2", "A child", "child kid me brother sister"),
    ("woman", "1f469", "A woman", "woman mum mother auntie carer lady"),
    ("man", "1f468", "A man", "man dad father uncle carer"),
    ("grown-up", "1f9d1", "A grown-up", "adult person grown-up carer worker"),
    ("grandma", "1f475", "A grandma", "grandma nan nanny granny grandmother old woman"),
    ("grandad", "1f474", "A grandad", "grandad grandpa grandfather old man"),
]


def _people() -> list[Picture]:
    found = []
    for key, code, who, words in _PEOPLE:
        found.append(Picture(key, code, who, words, "people"))
        for tone, colour in _TONES:
            found.append(
                Picture(
                    f"{key}-{colour}",
                    f"{code}-{tone}",
                    f"{who} with {colour} skin",
                    f"{words} {colour} skin",
                    "people",
                )
            )
    return found


_OTHERS = [
    # People doing things
    (
        "wheelchair-user",
        "1f9d1-200d-1f9bd",
        "A person in a wheelchair",
        "wheelchair disabled",
        "people",
    ),  # noqa: E501
    (
        "wheelchair-user-medium",
        "1f9d1-1f3fd-200d-1f9bd",
        "A person with medium skin in a wheelchair",
        "wheelchair disabled",
        "people",
    ),  # noqa: E501
    (
        "grown-up-feeding-baby",
        "1f9d1-200d-1f37c",
        "A grown-up feeding a baby with a bottle",
        "baby bottle feed care look after",
        "people",
    ),  # noqa: E501
    (
        "holding-hands",
        "1f9d1-200d-1f91d-200d-1f9d1",
        "Two people holding hands",
        "together friends hold hands",
        "people",
    ),  # noqa: E501
    ("hug", "1fac2", "Two people having a hug", "hug cuddle love comfort", "people"),
    ("waving", "1f44b", "A hand waving hello", "hello goodbye wave hand", "people"),
    (
        "worker",
        "1f9d1-200d-1f4bc",
        "A worker with a briefcase",
        "worker social worker helper me guardian",
        "people",
    ),  # noqa: E501
    ("walking", "1f6b6", "A person walking", "walk walking going", "people"),
    # Families
    (
        "family",
        "1f46a",
        "A family with a grown-up man, a grown-up woman and a child",
        "family mum dad parents",
        "families",
    ),  # noqa: E501
    (
        "family-mum-dad-girl",
        "1f468-200d-1f469-200d-1f467",
        "A family with a dad, a mum and a girl",
        "family mum dad daughter",
        "families",
    ),  # noqa: E501
    (
        "family-two-mums-boy",
        "1f469-200d-1f469-200d-1f466",
        "A family with two mums and a boy",
        "family two mums son",
        "families",
    ),  # noqa: E501
    (
        "family-two-dads-girl",
        "1f468-200d-1f468-200d-1f467",
        "A family with two dads and a girl",
        "family two dads daughter",
        "families",
    ),  # noqa: E501
    (
        "family-mum-boy",
        "1f469-200d-1f466",
        "A mum and a boy",
        "family mum son one parent",
        "families",
    ),  # noqa: E501
    (
        "family-dad-girl",
        "1f468-200d-1f467",
        "A dad and a girl",
        "family dad daughter one parent",
        "families",
    ),  # noqa: E501
    (
        "family-mum-girl-boy",
        "1f469-200d-1f467-200d-1f466",
        "A mum with a girl and a boy",
        "family mum brother sister one parent",
        "families",
    ),  # noqa: E501
    (
        "family-dad-two-boys",
        "1f468-200d-1f466-200d-1f466",
        "A dad with two boys",
        "family dad brothers one parent",
        "families",
    ),  # noqa: E501
    # Home
    ("house", "1f3e0", "A house", "house home live", "home"),
    ("house-garden", "1f3e1", "A house with a garden", "house home garden foster carer", "home"),
    ("houses", "1f3d8", "A street of houses", "houses street neighbours home", "home"),
    ("flats", "1f3e2", "A tall block of flats", "flat flats building home", "home"),
    ("bed", "1f6cf", "A bed", "bed bedroom sleep night", "home"),
    ("teddy", "1f9f8", "A teddy bear", "teddy toy bear comfort", "home"),
    ("dinner", "1f37d", "A plate with a knife and fork", "dinner tea food eat meal", "home"),
    ("key", "1f511", "A key", "key door home", "home"),
    # School
    ("school", "1f3eb", "A school", "school", "school"),
    ("school-bag", "1f392", "A school bag", "school bag backpack", "school"),
    ("teacher", "1f9d1-200d-1f3eb", "A teacher", "teacher school", "school"),
    ("books", "1f4da", "A pile of books", "books reading school", "school"),
    ("pencil", "270f", "A pencil", "pencil writing drawing", "school"),
    # Court and the judge
    ("judge", "1f9d1-200d-2696-fe0f", "A judge", "judge court decide", "court"),
    (
        "judge-woman",
        "1f469-200d-2696-fe0f",
        "A judge who is a woman",
        "judge court decide",
        "court",
    ),  # noqa: E501
    ("judge-man", "1f468-200d-2696-fe0f", "A judge who is a man", "judge court decide", "court"),  # noqa: E501
    (
        "scales",
        "2696",
        "Weighing scales, the sign of the court",
        "court fair scales decide",
        "court",
    ),  # noqa: E501
    (
        "court-building",
        "1f3db",
        "A big building with pillars, like a court",
        "court building",
        "court",
    ),  # noqa: E501
    ("calendar", "1f4c5", "A calendar", "calendar date day when", "court"),
    ("clock", "23f0", "An alarm clock", "clock time when soon", "court"),
    # Police
    ("police-officer", "1f46e", "A police officer", "police officer", "police"),
    (
        "police-officer-woman",
        "1f46e-200d-2640-fe0f",
        "A police officer who is a woman",
        "police officer",
        "police",
    ),  # noqa: E501
    ("police-car", "1f693", "A police car", "police car", "police"),
    # Hospital and doctors
    ("hospital", "1f3e5", "A hospital", "hospital doctor ill hurt", "health"),
    ("doctor", "1f9d1-200d-2695-fe0f", "A doctor or nurse", "doctor nurse health", "health"),
    ("ambulance", "1f691", "An ambulance", "ambulance hospital emergency", "health"),
    ("plaster", "1fa79", "A sticking plaster", "plaster hurt cut better", "health"),
    # Cars, buses and trains
    ("car", "1f697", "A car", "car drive travel", "travel"),
    ("bus", "1f68c", "A bus", "bus travel", "travel"),
    ("taxi", "1f695", "A taxi", "taxi car travel", "travel"),
    ("train", "1f686", "A train", "train travel", "travel"),
    ("bike", "1f6b2", "A bike", "bike bicycle ride", "travel"),
    # Feelings
    ("happy", "1f600", "A happy face", "happy smile glad", "feelings"),
    ("okay", "1f642", "A face with a small smile", "okay fine calm", "feelings"),
    ("sad", "1f622", "A sad face with a tear", "sad cry upset", "feelings"),
    ("crying", "1f62d", "A face crying a lot", "crying very sad upset", "feelings"),
    ("angry", "1f620", "An angry face", "angry cross cross mad", "feelings"),
    ("scared", "1f628", "A scared face", "scared frightened worried afraid", "feelings"),
    ("worried", "1f61f", "A worried face", "worried anxious nervous", "feelings"),
    ("confused", "1f615", "A confused face", "confused not sure puzzled", "feelings"),
    ("surprised", "1f62e", "A surprised face", "surprised shocked", "feelings"),
    ("thinking", "1f914", "A face thinking", "thinking wondering question", "feelings"),
    ("sleepy", "1f634", "A sleeping face", "sleepy tired sleep", "feelings"),
    ("calm", "1f60c", "A calm face", "calm relaxed peaceful", "feelings"),
    ("loved", "1f970", "A smiling face with hearts", "loved love happy", "feelings"),
    ("hugging-face", "1f917", "A smiling face giving a hug", "hug comfort kind", "feelings"),
    ("heart", "2764", "A red heart", "heart love care", "feelings"),
    ("broken-heart", "1f494", "A broken heart", "broken heart sad hurt", "feelings"),
    # Places
    ("park", "1f3de", "A park with trees and a river", "park outside nature", "places"),
    ("playground", "1f6dd", "A playground slide", "playground slide play park", "places"),
    ("beach", "1f3d6", "A beach with an umbrella", "beach seaside holiday", "places"),
    ("shop", "1f3ea", "A shop", "shop shopping", "places"),
    ("tree", "1f333", "A tree", "tree garden park outside", "places"),
    # Weather
    ("sun", "2600", "The sun", "sun sunny weather happy", "weather"),
    ("sun-cloud", "1f324", "The sun behind a small cloud", "sunny cloud weather", "weather"),
    ("cloud", "2601", "A cloud", "cloud cloudy weather", "weather"),
    ("rain", "1f327", "A cloud with rain", "rain rainy weather sad", "weather"),
    ("storm", "26c8", "A storm cloud with lightning and rain", "storm thunder weather", "weather"),
    ("rainbow", "1f308", "A rainbow", "rainbow weather hope", "weather"),
    ("snow", "2744", "A snowflake", "snow cold winter weather", "weather"),
    # Talking and keeping in touch
    ("phone", "1f4de", "A telephone", "phone call talk", "talking"),
    ("mobile", "1f4f1", "A mobile phone", "mobile phone text call video", "talking"),
    ("speech", "1f4ac", "A speech bubble", "talk say speak words", "talking"),
    ("letter", "2709", "A letter in an envelope", "letter post write", "talking"),
    ("handshake", "1f91d", "Two hands shaking", "agree promise meet help", "talking"),
    ("question", "2753", "A question mark", "question ask why", "talking"),
    # Things
    ("shield", "1f6e1", "A shield", "safe safety protect keep safe", "things"),
    ("dog", "1f436", "A dog's face", "dog pet", "things"),
    ("cat", "1f431", "A cat's face", "cat pet", "things"),
    ("football", "26bd", "A football", "football play sport", "things"),
    ("birthday-cake", "1f382", "A birthday cake", "birthday cake party", "things"),
]

PICTURES: list[Picture] = [*_people(), *(Picture(*row) for row in _OTHERS)]
BY_ID: dict[str, Picture] = {picture.id: picture for picture in PICTURES}
GROUP_NAMES = dict(GROUPS)


def picture_search(words: str = "", group: str = "") -> list[Picture]:
    """Pictures whose alt text, words or group hold every word asked for (any case)."""
    asked = words.lower().split()
    return [
        picture
        for picture in PICTURES
        if (not group or picture.group == group)
        and all(word in picture.search_text for word in asked)
    ]
