"""Made-up names, languages and courts for the children's demo data, as plain lists to draw from.

Every name here is a common first or family name, never a real person's. Faker fills in the
long tails (adults' names, streets, towns, postcodes) once, into pools, in people.py.
"""


def _table(text: str) -> dict[str, str]:
    """'Name: value' lines as a dict (keeps these long lists short and readable)."""
    rows = (line.split(":", 1) for line in text.strip().splitlines())
    return {key.strip(): value.strip() for key, value in rows}


def _words(text: str) -> list[str]:
    return text.split()


# Children's names common in England across the last twenty years.
GIRLS = _words("""
    Olivia Amelia Isla Ava Mia Ivy Lily Isabella Rosie Sophia Grace Freya Willow Florence Emily
    Ella Poppy Evie Elsie Charlotte Evelyn Sienna Daisy Phoebe Sophie Ruby Millie Harper Matilda
    Alice Esme Eliza Maisie Layla Chloe Jessica Holly Megan Lacey Kayleigh Courtney Jasmine Paige
    Amber Abigail Scarlett Hollie Aoife Niamh Saoirse Eilidh Caitlin Bethany Tilly Lexi Summer
    Skye Darcie Maddison Keira Erin Hannah Lucy Imogen Rebecca Victoria Gabriella Elizabeth
    Katherine Alexandra Zara Nevaeh Thea
""")
BOYS = _words("""
    Oliver George Noah Arthur Leo Muhammad Oscar Harry Archie Jack Henry Charlie Freddie Theodore
    Thomas Finley Alfie Jacob Riley Joshua William James Samuel Benjamin Daniel Joseph Mason Logan
    Tyler Kai Reece Callum Liam Jayden Kyle Connor Ethan Lewis Dylan Bradley Max Ronnie Tommy
    Albie Louie Frankie Teddy Reggie Alexander Matthew Nathaniel Frederick Harrison Edward
    Christopher Aidan Tadhg Oisin Cian Rory Zachary Jenson Jude Elijah Isaac Roman Caleb Toby
    Ashton Kayden Brody Marley Harley Rhys Owen
""")
# The short or pet names a child often uses instead of their legal name (likeliest first).
NICKNAMES = {
    name: value.split()
    for name, value in _table("""
        Olivia: Liv Livvy
        Amelia: Millie Mimi
        Isabella: Bella Izzy
        Sophia: Sophie
        Florence: Flo Florrie
        Charlotte: Lottie Charlie
        Evelyn: Evie
        Matilda: Tilly Tilda
        Jessica: Jess
        Abigail: Abbie Abi
        Bethany: Beth
        Rebecca: Becky Becca
        Victoria: Tori Vicky
        Gabriella: Gabby Ella
        Elizabeth: Lizzie Beth
        Katherine: Katie Kat
        Alexandra: Alex Lexi
        Maddison: Maddie
        Jasmine: Jazz
        Imogen: Immy
        Phoebe: Phoebs
        Theodore: Theo Teddy
        Thomas: Tom Tommy
        Joshua: Josh
        William: Will Billy
        James: Jamie Jim
        Samuel: Sam Sammy
        Benjamin: Ben Benji
        Daniel: Danny Dan
        Joseph: Joe Joey
        Alexander: Alex Xander
        Matthew: Matt
        Nathaniel: Nate Nat
        Frederick: Freddie Fred
        Harrison: Harry Haz
        Edward: Eddie Ted
        Christopher: Chris Kit
        Zachary: Zac
        Muhammad: Mo
        Callum: Cal
        Bradley: Brad
        Jacob: Jake
        Elijah: Eli
        Finley: Finn
        Jakub: Kuba
        Zofia: Zosia
        Aleksandra: Ola
        Wojciech: Wojtek
        Franciszek: Franek
        Abdirahman: Abdi
        Abdullahi: Abdi
        Alexandru: Alex
        Mohamed: Mo
        Jaskaran: Jas
        Stefan: Stef
    """).items()
}
# How to say names people often say wrongly, written the way a child would tell you.
PRONUNCIATIONS = _table("""
    Aoife: EE-fa
    Niamh: NEEV
    Saoirse: SEER-sha
    Eilidh: AY-lee
    Caitlin: KATE-lin
    Aidan: AY-dun
    Tadhg: TIGE, like the start of tiger
    Oisin: uh-SHEEN
    Cian: KEE-an
    Rhys: REESE
    Zofia: ZOF-ya
    Wojciech: VOY-chekh
    Jakub: YAH-koob
    Maja: MY-a
    Szymon: SHIM-on
    Zuzanna: zoo-ZAN-na
    Ioana: yo-AH-na
    Ionut: yo-NOOTS
    Andreea: an-DRAY-a
    Cerys: KERR-iss
    Ffion: FFEE-on
    Osian: OSH-an
    Siân: SHAHN
    Hamza: HAM-zah
    Rayyan: ry-YAN
    Inaya: in-AY-ah
    Zainab: ZAY-nab
    Hodan: ho-DAN
    Ifrah: IF-rah
    Mahad: ma-HAD
    Sagal: SAH-gal
    Simran: SIM-run
    Jaskaran: JUS-ker-un
    Tasnim: TAS-neem
    Rayhan: RAY-han
    Nevaeh: nuh-VAY-uh
    Seren: SEH-ren
    Mali: MAH-lee
    Dawit: DAH-wit
    Selam: seh-LAM
    Leonor: lee-oh-NOR
    Duarte: DWAR-teh
    Rojin: ro-JEEN
""")
# Spellings worth writing out, because people get them wrong on letters.
SPELLINGS = _table("""
    Kayleigh: K-A-Y-L-E-I-G-H
    Hollie: H-O-L-L-I-E, with an i-e at the end
    Darcie: D-A-R-C-I-E
    Maddison: two d's
    Kayden: K-A-Y-D-E-N
    Reece: R-E-E-C-E
    Aoife: A-O-I-F-E
    Niamh: N-I-A-M-H
    Eilidh: E-I-L-I-D-H
    Cerys: C-E-R-Y-S
    Zara: Z-A-R-A
""")


class Language:
    """A language a family speaks at home, with names and the words a child uses for family."""

    def __init__(self, line: str):
        name, share, girls, boys, families, words = (part.strip() for part in line.split("|"))
        self.name = name
        self.share = float(share)
        self.girls = girls.split()
        self.boys = boys.split()
        self.family_names = families.split()
        self.mum, self.dad, self.grandma, self.grandad = words.split()


# The share of families (per cent) speaking each language other than English at home.
LANGUAGES = [
    Language(line)
    for line in """
    Polish | 2.5 | Zofia Maja Hanna Julia Lena Zuzanna Oliwia Aleksandra
        | Jakub Antoni Szymon Filip Kacper Mateusz Wojciech Franciszek
        | Nowak Wójcik Kowalczyk Mazur Krawczyk Zając Król Wróbel Dudek | Mama Tata Babcia Dziadek
    Urdu | 2.0 | Aisha Zainab Maryam Hafsa Amina Inaya Noor Hira
        | Muhammad Ibrahim Yusuf Hamza Zayn Ayaan Rayyan Bilal Usman
        | Khan Hussain Ahmed Iqbal Akhtar Malik Shah Raza Qureshi | Ammi Abbu Dadi Dada
    Punjabi | 1.5 | Simran Harleen Jasleen Amrit Navneet Gurleen
        | Arjun Harjeet Gurpreet Jaskaran Manveer Ranveer
        | Sandhu Gill Dhillon Sidhu Bains Sahota Johal Atwal | Mummy Papa Biji Bauji
    Romanian | 1.5 | Ioana Maria Elena Andreea Bianca Daria Ana
        | Andrei Alexandru Mihai Stefan Ionut Gabriel David
        | Popescu Ionescu Popa Dumitru Stan Stoica Rusu Munteanu Matei | Mama Tata Bunica Bunicul
    Arabic | 1.5 | Layla Mariam Huda Salma Yasmin Rania Jana Lina
        | Omar Ali Adam Karim Yousef Khalid Tariq Sami Zaid
        | Haddad Hassan Saleh Nasser Abbas Mansour Khalil Darwish Aziz | Mama Baba Teta Jiddo
    Bengali | 1.0 | Ayesha Fatima Sumaiya Tasnim Nusrat Anika Raisa
        | Rahim Arif Tanvir Rayhan Imran Sabbir Ayaan
        | Rahman Begum Miah Uddin Islam Chowdhury Hoque Khatun | Ammu Abbu Nanu Dadu
    Somali | 1.0 | Hodan Amal Sagal Ifrah Hibo Nasra Fartun Ayaan
        | Abdi Mohamed Abdirahman Abdullahi Yusuf Mahad Liban Omar
        | Warsame Farah Hussein Jama Osman Duale Egal Mohamud | Hooyo Aabo Ayeeyo Awoowe
    Welsh | 1.0 | Cerys Ffion Seren Catrin Elin Nia Mali Lowri Siân
        | Dylan Rhys Osian Gethin Iwan Cai Tomos Steffan
        | Jones Williams Davies Evans Roberts Hughes Pritchard Griffiths | Mam Dad Nain Taid
    Portuguese | 0.8 | Beatriz Matilde Leonor Carolina Inês Mariana
        | Tiago Rodrigo Duarte Gonçalo Martim Afonso
        | Silva Santos Ferreira Pereira Costa Oliveira Rodrigues | Mamã Pai Avó Avô
    Gujarati | 0.8 | Priya Diya Riya Anya Mira Kavya
        | Aarav Krish Dev Rohan Kian Vihaan
        | Patel Shah Mistry Parmar Solanki Chauhan Desai | Mummy Papa Ba Dada
    Tigrinya | 0.5 | Selam Helen Hiwet Saba Ruta | Yonas Dawit Robel Filmon Semere
        | Tesfaye Haile Berhane Tekle Gebre Kidane | Adey Abo Abaye Aboy
    Kurdish | 0.4 | Rojin Zilan Berfin Helin Dilan | Baran Azad Rezan Serhat Ciwan
        | Ahmadi Karimi Rashid Mustafa Amin | Daya Bav Dapîr Bapîr
    """.replace("\n        |", " |")
    .strip()
    .splitlines()
]
# The rest speak English at home; a few deaf children in hearing families sign.
BSL = "British Sign Language"
BSL_SHARE = 0.5

# Grandparents' full names, with the everyday name a grandchild puts after Nanny or Grandad.
OLDER_WOMEN = list(
    _table("""
    Joanne: Jo
    Susan: Sue
    Patricia: Pat
    Janet: Jan
    Beverley: Bev
    Lynne: Lyn
    Kathleen: Kath
    Valerie: Val
    Carol: Carol
    Linda: Linda
    Jacqueline: Jackie
    Maureen: Mo
    Sandra: Sandra
    Christine: Chris
    Diane: Di
    Pamela: Pam
    Wendy: Wendy
    Elaine: Elaine
    Julie: Julie
    Gillian: Gill
    Margaret: Maggie
    Deborah: Debbie
    Tracey: Trace
    Angela: Angie
    Bernadette: Bernie
    """).items()
)
OLDER_MEN = list(
    _table("""
    Peter: Pete
    David: Dave
    Stephen: Steve
    Michael: Mick
    Anthony: Tony
    Raymond: Ray
    Keith: Keith
    Gary: Gaz
    Philip: Phil
    Barry: Barry
    Geoffrey: Geoff
    Terence: Terry
    Colin: Col
    Kenneth: Ken
    Robert: Bob
    Alan: Al
    Malcolm: Mal
    Derek: Del
    Trevor: Trev
    Roy: Roy
    Graham: Gray
    Leslie: Les
    Nigel: Nige
    Francis: Frank
    """).items()
)

# Each service area's family courts as "city or town CODE", busiest first. A court's number is
# the code, the year, C (public law) or P (private law), and five digits: LS26C01234.
COURTS = {
    area: [tuple(court.strip().rsplit(" ", 1)) for court in courts.split(";")]
    for area, courts in _table("""
    NTY: Newcastle upon Tyne NE; Sunderland SU; North Shields NS
    DTS: Middlesbrough MB; Durham DH; Darlington DL
    CUL: Preston PR; Carlisle CA; Blackburn BB; Lancaster LA
    GMC: Manchester MA; Bolton BL; Stockport SP; Wigan WI
    MCH: Liverpool LV; Chester CH; Warrington WA; Crewe CW
    WYK: Leeds LS; Bradford BD; Wakefield WF; Huddersfield HD
    SYH: Sheffield SF; Hull HU; Doncaster DN; Grimsby GY
    EMD: Nottingham NG; Derby DE; Leicester LE; Lincoln LN
    WMD: Birmingham BM; Coventry CV; Wolverhampton WV; Walsall WS
    SSH: Stoke-on-Trent ST; Telford TF; Shrewsbury SH; Stafford SA
    NLN: Barnet BA; Watford WD; Edmonton ED
    SLN: Croydon CR; Bromley BR; Kingston upon Thames KT
    ELN: Romford RM; Stratford SX; Ilford IL
    KSX: Canterbury CT; Brighton BN; Medway ME; Guildford GU
    TVY: Reading RG; Oxford OX; Milton Keynes MK; Slough SL
    EOE: Chelmsford CM; Cambridge CB; Norwich NR; Peterborough PE
    AVS: Bristol BS; Taunton TA; Bath BT
    DVC: Plymouth PL; Exeter EX; Truro TR
    DHW: Southampton SO; Portsmouth PO; Bournemouth BH; Swindon SN
    """).items()
}
# What children in some places call their mum.
MUM_BY_AREA = {"NTY": "Mam", "DTS": "Mam", "WMD": "Mom", "SSH": "Mom"}

# Parts of made-up addresses and school names.
STREET_ENDINGS = _words("""
    Road Street Lane Close Avenue Drive Way Crescent Gardens Grove Terrace Court Place Walk Mews
    Rise View Row Square Hill
""")
TOWN_STARTS = _words("""
    Ash Oak Elm Brook Mill Kings Church Market Nether Upper Long Green Stan Red Black White Thorn
    Haw Bar Wood Stock Hal Brad Castle Cold Fair Marsh Sand Stone Wick Shep Lang Bright Hart Fen
    Moor Wel Alder Bram
""")
TOWN_ENDINGS = _words("""
    ton ley field bridge ham worth by ford wick stead bury hurst well combe dale thorpe ington
    borough mouth
""")
SAINTS = _words("Mary's Joseph's Peter's Anne's Michael's John's Patrick's Margaret's Luke's")
# Names some young people choose for themselves.
NEUTRAL_NAMES = _words("Alex Charlie Sam Frankie Jamie Riley Sky Ash Rowan Jordan Robin Morgan")
# Where families who speak each language at home often come from.
ORIGINS = _table("""
    Polish: Poland
    Urdu: Pakistan
    Punjabi: the Punjab
    Romanian: Romania
    Arabic: Syria
    Bengali: Bangladesh
    Somali: Somalia
    Welsh: Wales
    Portuguese: Portugal
    Gujarati: Gujarat, in India
    Tigrinya: Eritrea
    Kurdish: Kurdistan
""")
# The line of words.IDENTITY["faith"] most families speaking a language would recognise.
FAITH_BY_LANGUAGE = {
    "Urdu": 0,
    "Bengali": 0,
    "Somali": 0,
    "Arabic": 0,
    "Kurdish": 0,
    "Punjabi": 2,
    "Gujarati": 4,
    "Polish": 5,
    "Tigrinya": 6,
}
