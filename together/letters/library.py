# ruff: noqa: E501 (letters are prose: a line is a paragraph)
"""The national library of letter templates, as first written. The data migration seeds it and
`services.letter_library_seed` puts it back in an empty database (a test that empties tables).

Words in {braces} are filled in when a letter is started (see services.PLACEHOLDERS). Written for
a 7-year-old (younger), a 14-year-old (older) and for adults; tests check each with the
service's plain-language engine.
"""

# (kind, style, title, body)
LIBRARY = [
    (
        "introductory_child",
        "younger",
        "Hello from your new helper",
        """Dear {child_name},

My name is {fca_first_name}. I am going to help you.

A judge is making some big choices about your life. I want to know what you think. I want to know how you feel. Then I tell the judge.

Here is a bit about me:
{fca_about_me}

When we will meet:
{meeting_plan}

We can talk, draw or play. You can bring someone you trust if you want.

How you can reach me:
{how_to_reach_me}

What do you want me to know about you? You can tell me when we meet. You can draw it too.

See you soon,
{fca_first_name}""",
    ),
    (
        "introductory_child",
        "older",
        "An introduction from {fca_first_name}",
        """Dear {child_name},

My name is {fca_first_name}. I will be working with you while the family court decides some important things about your life.

My job is to listen to you. I want to know what you think and what you want. I will tell the judge what you say, and what I think is best for you. I will always be honest with you about what I say.

A bit about me:
{fca_about_me}

When and how we will meet:
{meeting_plan}

You can choose where we meet and if you want someone with you. We can talk in person, on a video call or on the phone.

How to reach me:
{how_to_reach_me}

What do you want me to know about you before we meet? It could be what you enjoy, what worries you, or what matters most to you.

Best wishes,
{fca_first_name}""",
    ),
    (
        "introductory_child",
        "plain",
        "Introductory letter (plain text)",
        """Dear {child_name},

My name is {fca_first_name}. I will help you. A judge is making some choices about your life.

I will listen to you. I will tell the judge what you think and feel.

About me: {fca_about_me}

When we will meet: {meeting_plan}

How to reach me: {how_to_reach_me}

What do you want me to know about you? You can tell me when we meet.

From {fca_first_name}""",
    ),
    (
        "ending_child",
        "younger",
        "Goodbye from {fca_first_name}",
        """Dear {child_name},

This is my last letter to you. The judge has made their choices. My job is done.

Thank you for talking with me. I liked getting to know you.

I told the judge what you said. You helped them to understand you.

Do you want to talk about what happens now? Ask the adults who look after you.

Please tell us how I did. Use the code at the end of this letter.

I wish you all the best,
{fca_first_name}""",
    ),
    (
        "ending_child",
        "older",
        "Saying goodbye",
        """Dear {child_name},

The family court has now made its decision, so my work with you has come to an end. I wanted to write to say goodbye properly.

Thank you for sharing your thoughts and feelings with me. I know that was not always easy. What you told me helped the judge understand what matters to you.

If you have questions about the decision, talk to the people who look after you. When you are older, you can ask to read your file.

I would like to know how I did. Please use the link or the code at the end of this letter to tell us.

All the best for the future,
{fca_first_name}""",
    ),
    (
        "ending_child",
        "plain",
        "Ending letter (plain text)",
        """Dear {child_name},

The family court has made its decision. My work with you has ended.

Thank you for talking with me. What you told me helped the judge.

Got questions? Ask the people who look after you.

Please tell us how I did. Use the link at the end of this letter.

From {fca_first_name}""",
    ),
    (
        "welcome_parent",
        "adult",
        "Introducing myself",
        """Dear {parent_name},

My name is {fca_full_name}. I am working with {child_name} for the family court. I make sure the court hears what {child_name} wants and how they feel. I also tell the court what I think is best for them.

A bit about me:
{fca_about_me}

I would like to meet you and talk about {child_name}. Here is what I have planned:
{meeting_plan}

I will also meet {child_name}. If there is anything that would help me get to know them, please tell me.

How to reach me:
{how_to_reach_me}

If you need an interpreter, or this letter in another language or format, please tell me.

Yours sincerely,
{fca_full_name}""",
    ),
    (
        "welcome_parent",
        "plain",
        "Welcome letter (plain text)",
        """Dear {parent_name},

My name is {fca_full_name}. I am working with {child_name} for the family court. I make sure the court hears what {child_name} wants and feels.

About me: {fca_about_me}

When we will meet: {meeting_plan}

How to reach me: {how_to_reach_me}

Please tell me if you need an interpreter or this letter in another format.

Yours sincerely,
{fca_full_name}""",
    ),
    (
        "ending_parent",
        "adult",
        "My work with {child_name} has ended",
        """Dear {parent_name},

The court has now made its decision about {child_name}, so my work has come to an end.

Thank you for the time you gave me. I know these months have been hard. Your help meant I could tell the court about {child_name} as a whole person.

If you have questions about the court's decision, your solicitor or the council's children's services can help.

We want to learn from what families tell us. Please tell us how I did, using the link or code at the end of this letter. It takes about five minutes.

Yours sincerely,
{fca_full_name}""",
    ),
    (
        "ending_parent",
        "plain",
        "Ending letter (plain text)",
        """Dear {parent_name},

The court has made its decision about {child_name}, so my work has ended.

Thank you for your time and help.

If you have questions about the decision, your solicitor or the council's children's services can help.

Please tell us how I did, using the link at the end of this letter.

Yours sincerely,
{fca_full_name}""",
    ),
]
