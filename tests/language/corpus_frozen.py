"""The frozen part of the plain-language corpus: written before the engine was run on any of it,
committed on its own, and never edited after that commit. Its figures are reported apart from the
tuned corpus (tests/language/corpus.py), because nobody tuned the engine against these lines.

Same format and readers as the tuned corpus, with three more marks for the shapes of the law:
``[l:section 8]`` a reference to the law, its rules, practice directions, court forms or an order
named by its initials; ``[x:inter alia]`` Latin or legal French; ``[c:volatile]`` a word that judges
a person's character. A reference is marked without the words around it ("section 8" in "a
section 8 order"), and where a glossary phrase holds it, the longer glossary phrase is the mark.

Written for the shapes the engine missed on new text: references to the law in every way people
write them, plurals and hyphens of glossary phrases, Latin, labels of character, and the two
senses of "hearing", "contact" and "case". The clean lines include traps: the everyday sense of
each ambiguous word, numbers that are not the law, and words that look like a label but describe
a thing. Every family is the corpus's own (Jayden, Sarah, Tom, Leo, Nanny Jo); nothing is real.
"""

FROZEN = r"""
# --- frozen: references to the law, for children and families ------------------------------------
c9 | The judge made a [l:section 8] order so you can live with Nanny Jo.
c13 | Your dad cannot go back to court because of the [l:s 91(14)] order.
adult | The council has applied under [l:Section 31A] for a new plan.
adult | The judge used [l:rule 16.4] to give Jayden his own guardian.
adult | Under [l:r.16.4] the court can ask a guardian to help.
c13 | The [j:care order] is made under [l:Part IV] of the law.
adult | The judge will follow [l:PD12J] because of what Tom did.
adult | Please fill in the [l:C1A] if you are worried about harm.
adult | Send [l:Form C2] to the court by Friday.
c9 | Your dad sent a [l:C100] to the court in May.
adult | The [l:SGO] means Nanny Jo will bring Jayden up.
c13 | The judge made a [l:CAO] last week.
adult | The police asked for an [l:EPO] that night.
c9 | The [l:Children Act 1989] is the law about keeping you safe.
adult | The judge talked about [l:Article 8] and your right to family life.
c16 | You can ask for help under [l:section 20] when you leave care.
adult | The [l:s.37] report is due next month.
c13 | The judge looked at [l:section 1] before deciding.
adult | The council will write to you about [l:Schedule 2] support.
adult | The [l:FPR] say the judge must hear from Jayden.
adult | Your solicitor will explain the [l:NMO] to you.

# --- frozen: references to the law, for professionals (short forms and initials only) -------------
pro | The court considered [l:s 91(14)] and made no order.
pro | The application is made under [l:r.16.4] of the rules.
pro | The judge applied [l:PD12J] in full.
pro | An [l:SGO] was made in 2024.
pro | Jayden has been accommodated under [l:S20] since March.

# --- frozen: every form of a glossary phrase ------------------------------------------------------
c9 | Leo and you are [j:children in need], so the council helps.
adult | [d:Looked-after children] get extra help at school.
pro | Jayden is a [d:looked after child] and lives with his grandmother.
c13 | Your [j:half siblings] live with their dad.
adult | Both [j:care-leavers] came to the group.
c9 | The judge read both [j:position statements].
adult | The judge made two [j:non molestation orders].
c13 | Your [j:kinship-carers] are Nanny Jo and Grandad Ray.
adult | Both [j:children's guardians] will be at court.

# --- frozen: Latin and legal French ---------------------------------------------------------------
pro | Tom asked, [x:inter alia], for more time with Jayden.
pro | There is [x:prima facie] evidence that Jayden was hurt.
adult | The order was made [x:ex parte] on Friday.
pro | Nanny Jo has acted [x:in loco parentis] since 2024.
pro | Tom is the [x:de facto] carer for Leo.
pro | Moving school is not harmful [x:per se].
adult | The [j:hearing] was [j:adjourned] [x:sine die].
pro | The judge will hear the matter [x:de novo].
pro | Sarah made a [x:bona fide] offer to help.
adult | A lawyer may help you [x:pro bono].
pro | Ms Okafor was Leo's [x:guardian ad litem] in 2020.
pro | Sarah has, [x:mutatis mutandis], agreed the same plan for Leo.
adult | The judge will look at the facts [x:ab initio].
pro | The order lapsed [x:ipso facto] when Jayden turned 18.
pro | The meeting was held [x:in camera].

# --- frozen: words that judge a person's character ------------------------------------------------
pro | Sarah was [c:hysterical] when the police arrived.
pro | Tom is [c:volatile] and shouts at staff.
pro | Nanny Jo was [c:obstructive] about the visits.
pro | Sarah became [c:defensive] when I asked about money.
pro | Jayden is a [c:needy] child who follows adults around.
adult | Your partner was [c:argumentative] with the nurse.
pro | Tom can be [c:manipulative] and [c:deceitful].
pro | Leo is [c:clingy] at drop-off.
pro | Sarah is [c:lazy] about getting Jayden to school.
adult | Jayden was [c:defiant] and [c:rude] in class.
pro | Tom was [c:confrontational] in the meeting.
pro | The grandmother is [c:overbearing].
pro | Sarah is [c:histrionic] and [c:attention-seeking].
c16 | Your teacher thinks you are [c:immature].
pro | Tom is [c:unreliable] with phone calls.
pro | Leo is [c:spoilt] by his father.
pro | Sarah appeared [c:paranoid] about the neighbours.
pro | Tom is [c:erratic] and hard to plan around.
pro | Sarah was [c:evasive] when asked about Tom.
pro | Jayden's mother is [c:selfish] with her time.
c13 | Your teacher said you were [c:moody] in class.
adult | Tom said you were [c:hostile] to him.

# --- frozen: the court's sense of "hearing", "contact" and "case" ----------------------------------
c9 | Your [j:hearing] is on Monday at ten.
c9 | The judge will decide at the next [j:hearing].
c6 | You will have [j:contact] with dad at the park.
adult | [j:Contact] with Tom will be on Saturdays.
c9 | The judge said you can have more [j:contact] with Leo.
adult | The judge will hear Jayden's [d:case] in May.
c13 | Sam has lots of [d:cases] this month.
c9 | The [a:LA] will help your mum.
adult | [d:The mother] will bring Jayden at ten.

# --- frozen, clean: the everyday sense of "hearing", "contact" and "case" -------------------------
c9 | Thank you for hearing me out on Tuesday.
c9 | Leo has been hearing noises at night.
adult | Jayden's hearing is much better since the operation.
adult | I look forward to hearing from you.
c13 | Hearing what you said made me think hard.
adult | Jayden keeps hearing the same song.
adult | Please get in contact with the office on Monday.
adult | The school will contact you about the trip.
c16 | You can make contact with the college yourself.
adult | Jayden wears contact lenses for football.
adult | Your contact details are on the form.
adult | I contacted the school on 4 May.
c13 | In any case, you can call me.
adult | Tom left his briefcase at the office.
c13 | Pack your clothes in your suitcase.
adult | Take your phone just in case.
pro | Sarah made a strong case for more visits.
c13 | Your phone case is in the car.

# --- frozen, clean: numbers that are not the law, Latin that is English, labels that are not ------
adult | Please read section 2 of this letter.
adult | Section 3 of the plan says who Jayden lives with.
c9 | Part of the day will be at the park.
adult | The meeting is in room C2 on the first floor.
pro | Jayden read chapter 8 of his book to me.
adult | Jayden is in Year 4 at school.
pro | Jayden's vitamin B12 level is low.
adult | The article in the paper was about the school.
pro | Paragraph 12 of my report sets out Jayden's views.
adult | The bus goes via the town centre.
pro | Tom pays £50 per week towards Jayden's clothes.
pro | Jayden plays in a defensive position at hockey.
pro | The family's housing has been unstable since May.
pro | Tom's work is demanding and he works nights.
pro | Jayden's attendance has been erratic this term.
pro | Jayden was worried and cried when Tom left.
pro | Sarah shouted at me twice during the visit.
pro | Leo needed a lot of reassurance at bedtime.
c9 | Children need a lot of sleep.
adult | Leo is looking after his hamster.
c9 | You were looked after by Nanny Jo when mum was ill.
adult | Children in the park were playing football.
c9 | Your mum is proud of you.
c6 | We can play with the cars again.
adult | I will ring you after school on Monday.
"""
