"""Behaviours found by running real news reports through the pipeline (WikiEvents-style text)."""

from __future__ import annotations

from datetime import datetime

from eventwire.models import Article


def _events(pipeline, text: str, published=datetime(2019, 3, 3, 9)):
    return pipeline.extract(Article.from_text(text, published=published)).events


def test_glued_headline_splits_into_sentences() -> None:
    from eventwire.nlp import load_nlp, split_sentences

    text = ("Roadside IED kills Russian major general in SyriaThe desert south of Deir ez-Zor is rife with "
            "insurgents. Analysts at LinkedIn and McDonald said little.")
    want = ["Roadside IED kills Russian major general in Syria",
            "The desert south of Deir ez-Zor is rife with insurgents.",
            "Analysts at LinkedIn and McDonald said little."]
    assert [text[s:e] for s, e in split_sentences(text)] == want
    doc = load_nlp()(text)
    assert [s.text for s in doc.sents] == want
    assert doc.text == text  # the split is zero-width: offsets stay those of the article


def test_battle_between_two_forces_names_both_sides(pipeline) -> None:
    text = ("A man was killed and five more were wounded on Monday in a battle between troops and "
            "terrorists in Maiduguri, Nigeria.")
    [e] = _events(pipeline, text)
    assert e.sub_event_type == "Armed clash"
    assert (e.actor1.name, e.actor2.name) == ("Military Forces of Nigeria", "Unidentified Armed Group (Nigeria)")
    assert (e.fatalities.best, e.injuries.best) == (1, 5)


def test_pronoun_sentence_continues_the_attack_just_reported(pipeline) -> None:
    text = ("On the morning of 1 March 2019, Taliban gunmen and suicide bombers attacked Camp Shorabak in "
            "Helmand Province, Afghanistan.They killed 23 Afghan soldiers and injured another 15.")
    [e] = _events(pipeline, text)
    assert e.sub_event_type == "Suicide bomb"
    assert e.actor1.name == "Taliban"
    assert e.actor2.name == "Military Forces of Afghanistan"
    assert (e.fatalities.best, e.injuries.best) == (23, 15)
    assert e.place.admin1 == "Helmand"


def test_kept_in_hospital_is_not_an_arrest_and_a_bare_bombing_is_an_explosion(pipeline) -> None:
    text = ("Ninety six people were detained in hospital in Belfast on Friday after a bombing in the city "
            "centre killed nine people.")
    events = _events(pipeline, text, datetime(1972, 7, 22, 9))
    assert [e.sub_event_type for e in events] == ["Remote explosive/landmine/IED"]
    assert events[0].fatalities.best == 9


def test_a_surname_is_not_geocoded_as_a_village(pipeline) -> None:
    text = ("A citizen of Kyrgyzstan, Khairullozhon Matanov, pleaded not guilty on Wednesday. "
            "Gunmen attacked Matanov on Tuesday, killing two of his relatives, police said.")
    events = _events(pipeline, text, datetime(2014, 6, 1, 9))
    assert events and all(e.place is None or e.place.name != "Matanov" for e in events)


def test_police_hunting_a_suspect_are_not_the_bombers_and_the_city_of_lyon_is_a_place(pipeline) -> None:
    text = ("French police are hunting a suspect believed to have deposited a paper bag containing a device "
            "that exploded on Friday, wounding 13 people on a busy pedestrian street in the city of Lyon.")
    [e] = _events(pipeline, text, datetime(2019, 5, 25, 9))
    assert e.sub_event_type == "Remote explosive/landmine/IED"
    # not the police: the bomber is unknown, coded the ACLED way and marked as inferred (no text behind it)
    assert (e.actor1.name, e.actor1.raw) == ("Unidentified Armed Group (France)", None)
    assert "actor1" in e.inferred
    assert e.actor2.name == "Civilians (France)"
    assert (e.place.name, e.place.country) == ("Lyon", "France")
    assert e.injuries.best == 13


def test_statistics_and_risks_are_not_events(pipeline) -> None:
    text = ("Between 384 and 807 civilians were killed in those countries, according to the Bureau. "
            "Officials have been warning about the possibility of improvised explosive devices. "
            "Twin bombs exploded near the finish line of the Boston Marathon on Monday, killing three people.")
    events = _events(pipeline, text, datetime(2013, 4, 16, 9))
    assert [(e.sub_event_type, e.fatalities.best) for e in events] == [("Remote explosive/landmine/IED", 3)]


def test_a_person_captured_after_a_manhunt_is_an_arrest(pipeline) -> None:
    text = ("He was captured on Monday after a manhunt that ended when police officers discovered him "
            "sleeping in the doorway of a bar in Linden, New Jersey.")
    [e] = _events(pipeline, text, datetime(2016, 9, 20, 9))
    assert e.sub_event_type == "Arrests"


def test_the_bomb_refers_back_and_records_are_not_events(pipeline) -> None:
    text = ("A Bangkok military court has indicted two men accused of carrying out the August 17 bombing at a "
            "popular shrine that killed 20 people. Police believe that Bilal is the man who planted the bomb. "
            "Monday's toll was the highest since May 10, 2010, when 110 people were killed. The country "
            "suffered a spike in unrest in June when at least 282 people were killed, according to an AFP tally.")
    [e] = _events(pipeline, text, datetime(2015, 11, 24, 9))
    assert (e.sub_event_type, e.fatalities.best) == ("Remote explosive/landmine/IED", 20)
    assert len(e.evidence["sentence"]) == 2


def test_protest_mentions_and_habits_are_not_events_but_killed_demonstrators_are(pipeline) -> None:
    text = ("For years, she was known for aiding anti-government protesters. "
            "Militants have been using home-made IEDs to make roadside bombs. "
            "Anti-drone aircraft are to be taken for counter-terrorist test flights on a military base. "
            "The opposition called for nationwide protests after the slaying of seven more demonstrators "
            "in Caracas on Wednesday.")
    events = _events(pipeline, text, datetime(2017, 7, 21, 9))
    assert [e.sub_event_type for e in events] == ["Excessive force against protesters"]
    assert events[0].fatalities.best == 7 and events[0].place.name == "Caracas"


def test_attacks_on_a_base_and_bombs_set_off_are_events(pipeline) -> None:
    text = ("A car bomb killed 12 people in Baghdad on Monday. Insurgents also launched attacks on a military "
            "base near the town of Dhuluiyah on Monday, killing at least 15 Iraqi soldiers and leaving two others "
            "wounded, according to two security officials.")
    events = _events(pipeline, text, datetime(2013, 7, 30, 9))
    assert [(e.sub_event_type, e.fatalities.best) for e in events] == [
        ("Remote explosive/landmine/IED", 12), ("Armed clash", 15)]
    assert events[1].actor2.name == "Military Forces of Iraq" and events[1].injuries.best == 2
    text = "The brothers set off two bombs near the Boston Marathon finish line on Monday, killing three people."
    [e] = _events(pipeline, text, datetime(2013, 4, 16, 9))
    assert (e.sub_event_type, e.fatalities.best) == ("Remote explosive/landmine/IED", 3)


def test_unnamed_forces_take_the_event_country_or_say_it_is_unknown(pipeline) -> None:
    from eventwire.extract.actors import normalise_actor

    assert normalise_actor("troops").name == "Military Forces (country unknown)"
    text = "A man was killed on Monday in a battle between troops and terrorists."
    [e] = _events(pipeline, text)
    assert e.actor1.name == "Military Forces (country unknown)"
    text = ("Troops clashed with gunmen on Monday, killing four of them. The fighting took place in Gao, "
            "Mali, officials said.")
    events = _events(pipeline, text)
    assert events[0].actor1.name == "Military Forces of Mali"


def test_speaker_roles_organisations_and_status_from_real_attributions(pipeline) -> None:
    text = ("A car bomb exploded near an Afghan special forces unit in Maidan Shar on Monday, killing 12 people. "
            "Abdurrahman Mangal, spokesman for the provincial governor in Maidan Wardak said 12 people were "
            "killed. Zabiullah Mujahid, a spokesman for the Taliban said they had killed 190 people. "
            "A senior official in the defense ministry in Kabul said the attack began at dawn.")
    [e] = _events(pipeline, text, datetime(2019, 1, 22, 9))
    by = {c.speaker: c for c in e.claims}
    mangal = by["Abdurrahman Mangal"]
    assert (mangal.role, mangal.organisation, mangal.status) == (
        "spokesman for the provincial governor in Maidan Wardak", "provincial governor", "confirmed")
    mujahid = by["Zabiullah Mujahid"]
    assert (mujahid.role, mujahid.organisation, mujahid.status) == ("spokesman for the Taliban", "Taliban", "claimed")
    official = next(c for c in e.claims if "defense ministry" in c.speaker)
    assert official.organisation == "defense ministry" and official.status == "confirmed"


def test_dateline_places_events_without_a_place_but_never_overrides_the_text(pipeline) -> None:
    [e] = _events(pipeline, "KABUL, Afghanistan (AP) — A suicide bomber killed 12 people at a wedding hall on "
                            "Monday, officials said.", datetime(2019, 10, 5, 9))
    assert (e.place.name, e.place.geo_precision) == ("Kabul", 2)
    [e] = _events(pipeline, "WASHINGTON (AP) — A drone strike killed five militants in Somalia on Monday, the "
                            "US military said.", datetime(2019, 10, 5, 9))
    assert (e.place.country, e.place.geo_precision) == ("Somalia", 3)
    [e] = _events(pipeline, "PESHAWAR, Pakistan — Gunmen killed two policemen in Balochistan province on Monday.",
                  datetime(2019, 10, 5, 9))
    assert (e.place.admin1, e.place.geo_precision) == ("Balochistan", 3)


def test_a_protest_met_by_police_is_one_event_with_the_intervention(pipeline) -> None:
    text = ("Hundreds of protesters gathered outside parliament in Nairobi on Tuesday to denounce a proposed "
            "finance bill. Police fired tear gas and arrested at least 30 people, witnesses said.")
    [e] = _events(pipeline, text, datetime(2024, 6, 19, 8))
    assert e.sub_event_type == "Protest with intervention"
    assert (e.actor1.name, e.actor2.name) == ("Protesters (Kenya)", "Police Forces of Kenya")
    assert (e.place.name, e.place.geo_precision) == ("Nairobi", 1)
    assert e.detained.best == 30
    text = ("Thousands of people marched through Khartoum on Thursday demanding civilian rule. Security forces "
            "opened fire on the crowd, killing two protesters, medics said.")
    [e] = _events(pipeline, text, datetime(2022, 6, 30, 20))
    assert e.sub_event_type == "Excessive force against protesters"
    assert (e.actor1.name, e.actor2.name) == ("Police Forces of Sudan", "Protesters (Sudan)")
    assert e.fatalities.best == 2


def test_places_the_model_tags_as_nationalities_or_organisations(pipeline) -> None:
    text = ("Russian Defence Ministry said on Tuesday its air defences had shot down 12 Ukrainian drones over "
            "the Belgorod region overnight.")
    [e] = _events(pipeline, text, datetime(2024, 5, 21, 10))
    assert (e.place.admin1, e.place.country, e.place.geo_precision) == ("Belgorod", "Russia", 3)
    text = ("Suspected jihadists killed at least 20 civilians in an attack on the village of Barsalogho in "
            "Burkina Faso's Centre-Nord region on Saturday, local sources told AFP.")
    [e] = _events(pipeline, text, datetime(2024, 8, 26, 9))
    assert (e.place.name, e.place.admin1, e.place.geo_precision) == ("Barsalogho", "Centre-Nord", 1)


def test_trends_and_periods_are_not_events(pipeline) -> None:
    text = ("Dagestan sees frequent attacks on security forces. Arrests of political activists have accelerated. "
            "About 100 people have died in three months of anti-government street protests.")
    assert _events(pipeline, text) == ()


def test_partisan_vocabulary_is_coded_neutrally(pipeline) -> None:
    [e] = _events(pipeline, "The Kyiv regime's armed formations shelled the city of Horlivka on Sunday, wounding "
                            "four civilians, including a child.", datetime(2024, 3, 4, 10))
    assert (e.sub_event_type, e.actor1.name, e.injuries.best, e.place.name) == (
        "Shelling/artillery/missile attack", "Military Forces of Ukraine", 4, "Horlivka")
    [e] = _events(pipeline, "Zionist occupation warplanes bombed a house in the Nuseirat camp in the central Gaza "
                            "Strip at dawn on Friday, martyring 15 citizens, medical sources said.",
                  datetime(2024, 3, 8, 12))
    assert (e.sub_event_type, e.actor1.name, e.fatalities.best) == ("Air/drone strike", "Military Forces of Israel", 15)
    [e] = _events(pipeline, "Security forces neutralised three terrorists in an encounter in the Kupwara district "
                            "of Jammu and Kashmir on Thursday, police said.", datetime(2024, 4, 5, 9))
    assert (e.sub_event_type, e.fatalities.best, e.place.admin1, e.place.country) == (
        "Armed clash", 3, "Jammu and Kashmir", "India")
    assert (e.actor1.name, e.actor2.name) == ("Police Forces of India", "Unidentified Armed Group (India)")


def test_the_speakers_own_forces_and_statements_of_responsibility(pipeline) -> None:
    [e] = _events(pipeline, "The IDF said its aircraft struck a Hezbollah weapons storage facility in southern "
                            "Lebanon overnight.", datetime(2024, 3, 9, 8))
    assert (e.actor1.name, e.actor2.name) == ("Military Forces of Israel", "Hezbollah")
    text = ("A suicide car bomb exploded at a checkpoint in Mogadishu on Saturday, killing eight people, police "
            "said. Al-Shabaab claimed responsibility in a statement on its Andalus radio.")
    [e] = _events(pipeline, text, datetime(2024, 3, 17, 9))
    assert e.actor1.name == "Al Shabaab"
    assert [(c.speaker, c.status, c.channel) for c in e.responsibility] == [("Al Shabaab", "claimed", "statement")]
    [e] = _events(pipeline, "Armed men kidnapped a Catholic priest in Kafanchan late on Tuesday, a church "
                            "spokesman said.", datetime(2024, 5, 1, 11))
    assert [c.status for c in e.claims] == ["reported"]


def test_a_skipped_sentence_is_not_read_as_part_of_the_one_before(pipeline) -> None:
    from eventwire.ingest import parse_text

    text = ("Gunmen kill 11 in Nigeria\n\nElsewhere, the army said troops had killed 13 Boko Haram fighters in an "
            "ambush near Bama in Borno state on Thursday.\n\nPresident Bola Tinubu condemned the killings and "
            "vowed to bring the perpetrators to justice.")
    [e] = pipeline.extract(parse_text(text, published=datetime(2023, 8, 13, 11))).events
    assert e.sub_event_type == "Armed clash" and e.fatalities.best == 13
    assert (e.actor1.name, e.actor2.name) == (
        "Military Forces of Nigeria", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad")
    assert e.evidence["sentence"][0].text.endswith("on Thursday.")


def test_follow_ups_of_a_battle_and_running_totals_are_not_new_events(pipeline) -> None:
    text = ("Government forces fought Al Shabaab fighters in the village of Bulo Marer on Sunday, officials said. "
            "More than 30 militants were killed in the fighting, and weapons and a technical vehicle were seized. "
            "An army officer at the front, Major Ahmed Farah Ali, told reporters that three soldiers were "
            "martyred and five were wounded. The ministry said more than 200 Al-Shabaab militants had been killed "
            "in operations since the start of the offensive. Residents were urged not to ignore air raid alerts.")
    [e] = _events(pipeline, text, datetime(2024, 2, 27, 10))
    assert e.sub_event_type == "Armed clash" and e.fatalities.best == 30 and e.injuries.best == 5
    assert len(e.evidence["sentence"]) == 3


def test_title_town_and_context_country_name_actors(pipeline) -> None:
    from eventwire.ingest import parse_text

    text = ("Water cannon on job aspirants in Patna\n\nPolice used water cannon and cane-charged hundreds of "
            "protesting job aspirants on Wednesday, witnesses said.")
    [e] = pipeline.extract(parse_text(text, published=datetime(2024, 9, 5, 7))).events
    assert (e.place.name, e.place.admin1, e.place.geo_precision) == ("Patna", "Bihar", 2)
    assert e.sub_event_type == "Protest with intervention"
    assert (e.actor1.name, e.actor2.name) == ("Protesters (India)", "Police Forces of India")
    [e] = _events(pipeline, "The Taliban attacked a police post in Bannu district on Monday, killing two policemen.",
                  datetime(2024, 9, 17, 9))
    assert e.actor1.name == "TTP: Tehreek-i-Taliban Pakistan"
    [e] = _events(pipeline, "Late on Wednesday the Russians dropped guided aerial bombs on Kupiansk, killing a "
                            "couple in their house, the city military administration said.", datetime(2024, 5, 23, 14))
    assert (e.actor1.name, e.place.country) == ("Military Forces of Russia", "Ukraine")


def test_entries_without_resistance_blockades_and_drone_attacks(pipeline) -> None:
    [e] = _events(pipeline, "Forces of the Somali National Army (SNA) on Monday entered the district headquarters of "
                            "Awdheegle in Lower Shabelle region without resistance, after the khawarij militants "
                            "abandoned their positions.", datetime(2024, 2, 27, 10))
    assert (e.sub_event_type, e.actor1.name) == ("Non-violent transfer of territory", "Military Forces of Somalia")
    [e] = _events(pipeline, "In Gaya, students blocked NH-22 near the city for two hours on Wednesday afternoon, "
                            "raising slogans against the commission.", datetime(2024, 9, 5, 7))
    assert (e.sub_event_type, e.place.name, e.actor1.name) == ("Peaceful protest", "Gaya", "Protesters (India)")
    [e] = _events(pipeline, "At dawn on Tuesday, militants targeted a residential neighbourhood in Saraqib with an "
                            "explosive-laden drone, injuring a woman and her child.", datetime(2024, 3, 12, 13))
    assert (e.sub_event_type, e.place.name) == ("Air/drone strike", "Saraqib")


def test_the_side_that_attacked_is_actor1_when_troops_repel_it(pipeline) -> None:
    [e] = _events(pipeline, "Nigerian troops repelled an attack by Islamic State West Africa Province fighters on "
                            "their base in Dikwa on Monday, killing 17 of the attackers.", datetime(2024, 3, 12, 13))
    assert (e.sub_event_type, e.actor1.name, e.actor2.name) == (
        "Armed clash", "Islamic State West Africa Province", "Military Forces of Nigeria")


def test_gunmen_take_the_name_of_the_group_the_report_names(pipeline) -> None:
    # the group named in the event's own sentence
    text = ("Soldiers clashed on Tuesday afternoon with an armed group near San Miguel Totolapan, Guerrero. "
            "The spokesman said three gunmen, whom he identified as members of La Familia Michoacana, were "
            "killed and a soldier was wounded.")
    [e] = _events(pipeline, text, datetime(2024, 9, 25, 8))
    assert (e.actor1.name, e.actor2.name) == ("Military Forces of Mexico", "La Familia Michoacana")
    # the only group the article names; two groups named leave the gunmen unidentified
    one = ("PEMBA, Mozambique - Insurgents linked to the Islamic State beheaded three fishermen near Macomia, "
           "in Cabo Delgado province, on Saturday. On Friday, insurgents looted shops and burned 30 houses in "
           "Mocimboa da Praia, residents said.")
    events = _events(pipeline, one, datetime(2024, 5, 13, 10))
    assert [e.actor1.name for e in events] == ["Islamic State (Mozambique)"] * 2
    two = ("Gunmen killed nine farmers near Konduga, Borno, on Sunday, residents said. Both Boko Haram and "
           "ISWAP operate in the area.")
    [e] = _events(pipeline, two, datetime(2024, 3, 12, 10))
    assert e.actor1.name == "Unidentified Armed Group (Nigeria)"


def test_state_media_vocabulary_and_pitted_against_name_the_sides(pipeline) -> None:
    text = ("DONETSK, June 20 (NIA) - Ukrainian militants shelled the Mykytivskyi district of Horlivka on "
            "Wednesday evening, killing a woman and an elderly man, the head of the city said.")
    [e] = _events(pipeline, text, datetime(2024, 6, 20, 10, 15))
    assert e.actor1.name == "Military Forces of Ukraine"
    assert e.date.date.isoformat() == "2024-06-19"  # the dateline's June 20 is the filing date
    libya = ("Tripoli, 16 May (TNA) - Three fighters and a civilian were killed in the clashes on Tuesday, which "
             "pitted the 444th Combat Brigade against units of the Stability Support Apparatus in Ain Zara, Libya.")
    [e] = _events(pipeline, libya, datetime(2024, 5, 16, 10))
    assert (e.actor1.name, e.actor2.name) == ("444th Combat Brigade", "SSA: Stability Support Apparatus")
    assert (e.date.date.isoformat(), e.fatalities.best) == ("2024-05-14", 4)


def test_an_ordinal_tally_at_the_end_of_an_events_sentence_keeps_the_event(pipeline) -> None:
    text = "Gunmen killed five villagers near Tillaberi, Niger, on Sunday, the third such attack since May."
    result = pipeline.extract(Article.from_text(text, published=datetime(2024, 10, 22, 8)))
    [e] = result.events
    assert (e.sub_event_type, e.fatalities.best, e.date.date.isoformat()) == ("Attack", 5, "2024-10-20")
    assert [(t.what, t.count.best) for t in result.tallies] == [("attacks", 3)]


def test_warnings_vows_plans_and_origins_are_not_events(pipeline) -> None:
    pub = datetime(2024, 7, 19, 7, 30)
    for text in ("Denis Pushilin said Kyiv was preparing new provocations and warned that any attempt to shell "
                 "Donetsk would be answered.",
                 "The commander vowed that security forces would hunt down those who planted the bomb.",
                 "Protest coordinators have announced a continuation of the shutdown programme on Friday.",
                 "The protests began last month as opposition to a finance bill, with dozens killed since."):
        assert not _events(pipeline, text, pub), text
    # a statement's day is not the event's: "said in a statement on Wednesday that troops repulsed..."
    text = ("Separatist fighters stormed a paramilitary checkpoint in Kalat, Balochistan, late on Tuesday, "
            "killing two soldiers, the military said in a statement on Wednesday.")
    [e] = _events(pipeline, text, datetime(2024, 5, 15, 14))
    assert e.date.date.isoformat() == "2024-05-14"


def test_province_names_the_country_and_villages_take_the_articles_province(pipeline) -> None:
    # no country named; "Bor" is also a Russian town, but Jonglei is a South Sudanese state
    text = ("At least six people were killed when armed raiders attacked a cattle camp near Bor in Jonglei "
            "State on Saturday, the county commissioner said. Youth pursued the raiders and caught up with them "
            "on Sunday in the Motot area, where the two groups exchanged fire; five raiders were killed.")
    events = _events(pipeline, text, datetime(2024, 2, 27, 16))
    assert {e.place.country for e in events} == {"South Sudan"}
    assert [e.place.admin1 for e in events] == ["Jonglei", "Jonglei"]
    assert events[0].actor1.name == "Unidentified Armed Group (South Sudan)"


def test_militia_is_the_rsf_in_sudan_only() -> None:
    from eventwire.extract.actors import normalise_actor

    assert normalise_actor("the rebel militia", countries=["Sudan"]).name == "Rapid Support Forces"
    assert normalise_actor("militia", countries=["Nigeria"]).name == "Unidentified Communal Militia (Nigeria)"
    assert normalise_actor("militants", countries=["Ukraine"]).name == "Military Forces of Ukraine"
    assert normalise_actor("militants", countries=["Mali"]).name == "Unidentified Armed Group (Mali)"


def test_a_claimed_bombing_told_twice_is_one_event_dated_by_the_account_with_a_day(pipeline) -> None:
    text = ("KABUL, March 19 (Wire) - Islamic State's Afghan branch claimed responsibility on Wednesday for a "
            "suicide bombing outside an education centre in western Kabul, Afghanistan.\n\n"
            "A Taliban government spokesman said the attacker detonated an explosives vest at the gate of the "
            "centre in Kabul at around 4 p.m. on Tuesday. Six people, including four students, were killed and "
            "13 wounded, he said in a post on X.")
    events = _events(pipeline, text, datetime(2025, 3, 19, 10, 15))
    assert len(events) == 1
    [e] = events
    assert (e.sub_event_type, e.date.date.isoformat()) == ("Suicide bomb", "2025-03-18")
    assert (e.fatalities.best, e.injuries.best) == (6, 13)


def test_the_governor_and_the_ministry_are_who_the_article_named_before(pipeline) -> None:
    text = ("Belgorod Region Governor Vyacheslav Gladkov said a drone struck a car in Shebekino, Russia, on Tuesday, "
            "killing one man. The Russian Defence Ministry said air defences destroyed six drones. "
            "On Wednesday a Ukrainian drone hit a house in Grayvoron, injuring a woman, the governor said. "
            "Later on Wednesday, artillery shelled a farm near Belgorod, killing two workers, the ministry said.")
    events = _events(pipeline, text, datetime(2024, 5, 22, 8))
    speakers = {(c.speaker, c.status) for e in events for c in e.claims}
    assert ("Vyacheslav Gladkov", "confirmed") in speakers
    assert ("Russian Defence Ministry", "confirmed") in speakers
    assert not {s for s, _ in speakers} & {"governor", "ministry"}


def test_a_village_found_only_abroad_under_another_name_stays_in_the_articles_country(pipeline) -> None:
    text = ("Armed men stormed the bazaar in Bagan, in Pakistan's Kurram district, on Friday, killing at least 10 "
            "people, police in Parachinar said.")
    [e] = _events(pipeline, text, datetime(2024, 11, 26, 7))
    assert e.place.country == "Pakistan" and e.place.name != "Kampung Bagan"  # not Malaysia's Kampung Bagan
    assert e.actor1.name == "Unidentified Armed Group (Pakistan)"


def test_national_guards_npa_and_monusco_are_named_the_acled_way() -> None:
    from eventwire.extract.actors import normalise_actor

    assert normalise_actor("the Bolivarian National Guard", countries=["Venezuela"]).name == \
        "Military Forces of Venezuela"
    assert normalise_actor("New People's Army rebels", countries=["Philippines"]).name == "NPA: New People's Army"
    assert normalise_actor("MONUSCO", countries=["Democratic Republic of Congo"]).inter == 8


def test_joint_forces_lead_with_the_first_named_and_affiliates_are_not_the_parent() -> None:
    from eventwire.extract.actors import normalise_actor

    assert normalise_actor("U.S. and British forces", countries=["Yemen"]).name == \
        "Military Forces of the United States"
    assert normalise_actor("an al Qaeda affiliate", countries=["Burkina Faso"]) is None
    assert normalise_actor("Assad militias", countries=["Syria"]).name == "Military Forces of Syria"


def test_more_ways_events_are_told(pipeline) -> None:
    pub = datetime(2024, 7, 18, 8)
    cases = [
        ("On Sunday, a drone loaded with explosives was dropped on the police station in El Tarra, Colombia, "
         "wounding two patrolmen.", "Air/drone strike"),
        ("The body of a community leader was found on Wednesday beside a rural road near Teorama, Colombia, "
         "with several gunshot wounds.", "Attack"),
        ("On Thursday, Haitian police launched an operation against the 5 Segonn gang in Port-au-Prince, Haiti; "
         "four gang members were killed.", "Armed clash"),
        ("On Monday, in Petion-Ville, Haiti, a crowd of residents stopped two young men, beat them and set them "
         "alight.", None),  # a crowd's violence: a riot sub-type
        ("At least six people were killed and four children abducted when armed raiders attacked a cattle camp "
         "near Bor, South Sudan, on Saturday.", "Attack"),
    ]
    for text, sub in cases:
        [e] = _events(pipeline, text, pub)
        if sub is None:
            assert e.event_type == "Riots", text
        else:
            assert e.sub_event_type == sub, text


def test_of_several_days_in_a_sentence_the_one_nearest_the_event_word(pipeline) -> None:
    text = ("Calm returned on Thursday morning to Ain Zara in Tripoli, Libya, after clashes that broke out late on "
            "Tuesday between two armed formations killed four people.")
    [e] = _events(pipeline, text, datetime(2024, 5, 16, 10, 15))
    assert e.sub_event_type == "Armed clash"
    assert e.date.date.isoformat() == "2024-05-14"


def test_a_gunfight_with_forces_makes_them_the_other_side(pipeline) -> None:
    # "Kupwara" is tagged PERSON and names no country: the gazetteer finds it in India only
    text = ("Two militants were killed in a gunfight with security forces in the Machil sector of Kupwara on "
            "Sunday, police said.")
    [e] = _events(pipeline, text, datetime(2024, 5, 7, 9))
    assert e.sub_event_type == "Armed clash"
    assert (e.place.country, e.place.admin1) == ("India", "Jammu and Kashmir")
    assert (e.actor1.name, e.actor2.name) == ("Police Forces of India", "Unidentified Armed Group (India)")
    assert e.fatalities.best == 2
    [e] = _events(pipeline, "Two soldiers died in an encounter with Maoists in Bijapur, Chhattisgarh on Sunday.",
                  datetime(2024, 5, 7, 9))
    assert (e.actor1.name, e.actor2.name) == ("CPI (Maoist): Communist Party of India (Maoist)",
                                              "Military Forces of India")


def test_a_river_a_mediator_and_a_possessive_town_do_not_move_the_event(pipeline) -> None:
    text = ("COTONOU, Feb 15 (API) - Gunmen attacked a military post near Karimama, on the banks of the Niger "
            "river, on Friday, killing six Beninese soldiers, the government said.")
    [e] = _events(pipeline, text, datetime(2026, 2, 15, 11))
    assert e.place.country == "Benin"
    # Myanmar named once, China twice, as a mediator and as a government speaking
    text = ("The TNLA says it has recaptured Hsipaw, the town in Myanmar's Shan State it handed back under a "
            "China-brokered ceasefire last year. On Monday afternoon, two fighter jets dropped four bombs on "
            "the town of Hsipaw, killing nine people, residents said. China's foreign ministry urged restraint.")
    strikes = [e for e in _events(pipeline, text, datetime(2026, 2, 17, 18)) if e.sub_event_type == "Air/drone strike"]
    assert [(e.place.name, e.place.country, e.fatalities.best) for e in strikes] == [("Hsipaw", "Myanmar", 9)]


def test_who_said_it_through_pronouns_titles_and_passives(pipeline) -> None:
    text = ("A civilian was killed when a drone struck a car in the town of Shebekino on Tuesday evening, Belgorod "
            "Region Governor Vyacheslav Gladkov said on his Telegram channel. On Tuesday, Ukrainian forces also "
            "fired 40 artillery shells at the town of Grayvoron, wounding a woman, according to the governor.")
    shebekino, grayvoron = _events(pipeline, text, datetime(2024, 5, 22, 9))
    assert [c.speaker for c in shebekino.claims] == ["Vyacheslav Gladkov"]
    assert [(c.speaker, c.status) for c in grayvoron.claims] == [("Vyacheslav Gladkov", "confirmed")]
    text = ("Israeli artillery shelled the outskirts of Khiam, Lebanon, on Wednesday, without any casualties "
            "being reported.")
    [e] = _events(pipeline, text, datetime(2024, 5, 23, 9))
    assert e.claims == ()


def test_a_running_toll_in_the_lede_is_the_event_and_old_events_are_background(pipeline) -> None:
    text = ("KHAR: The death toll from Sunday's suicide bombing at an Awami National Party rally in Khar, Pakistan, "
            "rose to 16 on Tuesday after two more wounded workers died at Lady Reading Hospital in Peshawar, "
            "officials said. Police said the attack was the fourth on a political gathering in the district since "
            "2023. In July that year, a suicide bomber killed more than 60 people at a workers' convention in Khar.")
    ex = pipeline.extract(Article.from_text(text, published=datetime(2025, 10, 15, 9, 10)))
    [e] = ex.events  # the July 2023 bombing is history, not news
    assert (e.sub_event_type, e.date.date.isoformat(), e.place.name, e.fatalities.best) == \
        ("Suicide bomb", "2025-10-12", "Khar", 16)
    assert [(t.what, t.count.best) for t in ex.tallies if t.what == "killed"] == [("killed", 16)]


def test_two_events_in_one_lede_and_civilian_victims_of_shelling(pipeline) -> None:
    text = ("GUAYAQUIL, Ecuador, Nov 12 (Andes Wire) - At least 14 inmates were killed when members of the rival "
            "Los Choneros and Los Lobos gangs fought with rifles inside the Litoral Penitentiary in Guayaquil late on "
            "Tuesday, the prison agency said, and hours later a car bomb exploded outside the jail's main entrance.")
    events = _events(pipeline, text, datetime(2025, 11, 12, 14, 35))
    assert [(e.sub_event_type, e.fatalities.best if e.fatalities else None) for e in events] == \
        [("Armed clash", 14), ("Remote explosive/landmine/IED", None)]
    text = ("DONETSK, June 20 - Ukrainian forces shelled the Mykytivskyi district of Horlivka on Wednesday evening, "
            "killing a woman and an elderly man, the head of the city said.")
    [e] = _events(pipeline, text, datetime(2024, 6, 20, 10))
    assert (e.actor2.name, e.fatalities.best) == ("Civilians (Ukraine)", 2)


def test_the_main_clause_holds_the_event_and_who_took_ground_decides_the_sub_type(pipeline) -> None:
    text = ("While the fighting was still under way, shortly before 3 a.m. on Wednesday, a car loaded with "
            "explosives blew up opposite the main gate of the prison in Guayaquil, Ecuador, police said.")
    [e] = _events(pipeline, text, datetime(2025, 11, 12, 14))
    assert (e.sub_event_type, e.date.date.isoformat()) == ("Remote explosive/landmine/IED", "2025-11-12")
    text = "The Arakan Army said on Sunday it had recaptured the town of Kyauktaw in Rakhine State, Myanmar."
    [e] = _events(pipeline, text, datetime(2024, 2, 7, 9))
    assert (e.sub_event_type, e.actor1.name) == ("Non-state actor overtakes territory", "AA: Arakan Army")


def test_an_overnight_attack_told_in_small_hours_and_a_gathering_to_demand_a_release(pipeline) -> None:
    pub = datetime(2025, 11, 20, 10, 25)
    text = ("Russian forces attacked Zaporizhzhia, Ukraine, with attack drones overnight, killing two civilians, the "
            "governor said. The first explosions were heard in the city shortly after 02:10.")
    [e] = _events(pipeline, text, pub)
    assert e.date.date.isoformat() == "2025-11-20"
    [e] = _events(pipeline, "Russian forces attacked Zaporizhzhia, Ukraine, with drones overnight, killing two "
                             "civilians, the governor said.", pub)
    assert e.date.date.isoformat() == "2025-11-19"  # no hour told: the night began the day before
    text = ("Several hundred people gathered in the centre of Zvecan, Kosovo, on Sunday evening to demand the "
            "release of the detained men, carrying Serbian flags.")
    [e] = _events(pipeline, text, datetime(2025, 12, 8, 14))
    assert (e.sub_event_type, e.actor1.name) == ("Peaceful protest", "Protesters (Kosovo)")


def test_a_night_raid_its_abductions_and_the_vigilantes_who_fought_back(pipeline) -> None:
    text = ("Terrorists of the Boko Haram sect stormed Tourou, a border locality in Mokolo, Cameroon, in the night "
            "of Monday September 22 to Tuesday September 23, 2025, killing at least six civilians and carting away "
            "six others. The assailants came in from the Nigerian side of the border at about 1 am.\n\n"
            "Members of the local vigilance committee engaged the attackers with dane guns and bows near the "
            "chief's palace. Two assailants were killed in the exchange, the head of the committee said.")
    events = _events(pipeline, text, datetime(2025, 9, 25, 7, 30))
    attack = events[0]
    assert (attack.sub_event_type, attack.date.date.isoformat(), attack.place.country) == \
        ("Attack", "2025-09-23", "Cameroon")
    assert attack.actor1.name == "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"
    clash = next(e for e in events if e.sub_event_type == "Armed clash")
    assert "Vigilance Committee (Cameroon)" in {clash.actor1.name, clash.actor2.name}
    from eventwire.extract import types
    assert types.classify_snippet("Four women were taken away by the attackers, relatives said.").sub_event_type == \
        "Abduction/forced disappearance"


def test_fighting_between_a_group_and_a_front_of_another(pipeline) -> None:
    text = ("The bodies of four men were recovered on Wednesday from a rural area of Tibú, Colombia, after a day of "
            "fighting between the National Liberation Army (ELN) and the 33rd Front of the FARC dissidents.")
    [e] = _events(pipeline, text, datetime(2024, 7, 18, 8))
    assert (e.sub_event_type, e.actor1.name, e.actor2.name) == \
        ("Armed clash", "ELN: National Liberation Army", "FARC Dissidents")


def test_two_sources_in_one_phrase_and_a_commissioner_named_before(pipeline) -> None:
    text = ("At least six people were killed when armed raiders attacked a cattle camp near Pieri, South Sudan, on "
            "Saturday, witnesses and medics said. Uror County Commissioner Gai Chuol Makuach said the attackers "
            "came from the south. In a separate attack, gunmen killed two herders near Motot, South Sudan, on "
            "Sunday, the county commissioner said.")
    first, second = _events(pipeline, text, datetime(2024, 2, 27, 9))
    assert {(c.speaker, c.status) for c in first.claims} == {("witnesses", "reported"), ("medics", "reported")}
    assert [(c.speaker, c.status) for c in second.claims] == [("Gai Chuol Makuach", "confirmed")]


def test_the_vehicle_that_hit_a_mine_is_the_target_and_a_speakers_fighters_act(pipeline) -> None:
    text = ("On Tuesday morning, a vehicle of the Rapid Intervention Battalion hit an improvised explosive device "
            "near Magoumaz, Cameroon, wounding three soldiers, a military source said.")
    [e] = _events(pipeline, text, datetime(2025, 9, 25, 7))
    assert (e.actor2.name, e.injuries.best) == ("Military Forces of Cameroon", 3)
    assert e.actor1.name == "Unidentified Armed Group (Cameroon)"
    text = ('Hezbollah announced in a statement that its fighters "targeted the Branit barracks with a salvo of '
            'Katyusha rockets" on Wednesday in northern Israel, "in response to the Israeli enemy\'s attack on '
            'Aitaroun."')
    [e] = _events(pipeline, text, datetime(2024, 4, 18, 9))
    assert (e.actor1.name, e.actor2.name) == ("Hezbollah", "Military Forces of Israel")
    [e] = _events(pipeline, "The Ta'ang National Liberation Army said on Sunday it had captured Hsipaw in Shan "
                             "State, Myanmar.", datetime(2026, 2, 17, 9))
    assert (e.sub_event_type, e.actor1.name) == ("Non-state actor overtakes territory",
                                                 "TNLA: Ta'ang National Liberation Army")


def test_settler_raids_shootings_at_vehicles_and_crossheads(pipeline) -> None:
    pub = datetime(2026, 3, 13, 16)
    text = ("On Thursday afternoon, dozens of Israeli settlers, some masked and carrying clubs, attacked the village "
            "of Silat al-Dhahr in the West Bank, setting fire to two houses and throwing stones at residents, said "
            "the head of the village council.\n"
            "SETTLERS SET FIRE TO HOUSES\n"
            "On Thursday evening, a gunman in a passing car opened fire at an Israeli vehicle near Yabad in the West "
            "Bank, moderately wounding a 45-year-old man, the emergency service said.")
    events = _events(pipeline, text, pub)
    assert [(e.sub_event_type, e.actor1.name) for e in events] == [
        ("Attack", "Settlers (Israel)"), ("Attack", "Unidentified Armed Group (Palestine)")]


def test_a_lede_with_a_strike_hours_after_a_separate_attack(pipeline) -> None:
    text = ("PORT SUDAN, Feb 16 - Drones launched by the Rapid Support Forces struck a fuel depot in Port Sudan at "
            "dawn on Monday, killing two workers, hours after a separate attack targeted the airport in the eastern "
            "city of Kassala, Sudanese officials said.")
    first = _events(pipeline, text, datetime(2026, 2, 16, 15))[0]
    # the depot strike keeps its own place; Kassala belongs to the other attack
    assert (first.place.name, first.place.admin1, first.fatalities.best) == ("Port Sudan", "Red Sea", 2)


def test_numbered_crossheads_arson_by_soldiers_and_shelters_burned_in_the_raid(pipeline) -> None:
    pub = datetime(2026, 2, 16, 6)
    text = ("On Thursday, soldiers raided Ndop, Cameroon, killing two men, residents said.\n\n"
            "4. \"Bwa Kale\" lynching in Ndop\n\n"
            "They set fire to more than forty shelters before retreating towards the hills.")
    [e] = _events(pipeline, text, pub)
    assert e.event_type == "Violence against civilians" and e.fatalities.best == 2
    from eventwire.extract import types
    assert types.classify_snippet("Residents also accused the soldiers of setting fire to houses as they "
                                  "withdrew.").sub_event_type == "Looting/property destruction"


def test_a_later_strike_naming_no_one_is_the_named_forces_and_marked_inferred(pipeline) -> None:
    text = ("Russian forces attacked Zaporizhzhia, Ukraine, with drones overnight, killing two civilians, the governor "
            "said. On Wednesday evening, an artillery shell hit a private house in Orikhiv, killing a 71-year-old "
            "woman.")
    first, second = _events(pipeline, text, datetime(2025, 11, 20, 10))
    assert first.actor1.name == second.actor1.name == "Military Forces of Russia"
    assert "actor1" in second.inferred and "actor1" not in first.inferred
    assert second.actor1.span is None


def test_indian_and_two_town_datelines_and_a_while_clause_with_its_own_day(pipeline) -> None:
    text = ("Imphal, Nov 26 (PTI) Armed miscreants set ablaze at least five houses at Jakuradhor Karong on the "
            "outskirts of Jiribam town late on Tuesday, while two suspected militants were killed in a gunfight with "
            "security forces early on Wednesday, police said.")
    events = _events(pipeline, text, datetime(2025, 11, 26, 17, 5))
    assert [(e.sub_event_type, e.date.date.isoformat()) for e in events] == [
        ("Looting/property destruction", "2025-11-25"), ("Armed clash", "2025-11-26")]
    text = ("TURBAT / QUETTA, Dec 2: Seven passengers were shot dead when armed men intercepted two coaches near "
            "Hoshab in Kech district, Pakistan, late on Monday, officials said.")
    [e] = _events(pipeline, text, datetime(2025, 12, 3, 9, 10))
    assert (e.sub_event_type, e.date.date.isoformat(), e.fatalities.best) == ("Attack", "2025-12-01", 7)


def test_a_region_the_model_tags_as_a_product_beats_the_dateline_city(pipeline) -> None:
    text = ("NIAMEY, Feb 9 (AFP) - Suspected jihadists killed at least 27 civilians during Friday prayers at a mosque "
            "in western Niger's Tillaberi region, the ruling military government said on Sunday.")
    [e] = _events(pipeline, text, datetime(2026, 2, 9, 14))
    assert (e.place.admin1, e.place.geo_precision, e.place.span.text) == ("Tillaberi", 3, "Tillaberi region")


def test_country_from_a_city_named_inside_longer_names_not_from_acronyms(pipeline) -> None:
    # Nigeria is never named: "Jos" is, only inside "Jos-Miango road" and a hospital's name
    text = ("Plateau: Nine killed as gunmen attack Miango, two die in reprisal on Jos-Miango road\n"
            "By Our Correspondent | Published: 13 January 2026, 07:45\n\n"
            "At least nine people were killed late on Saturday when gunmen stormed parts of Miango in Bassa Local "
            "Government Area of Plateau State. Five other persons were injured and are receiving treatment at the "
            "Jos University Teaching Hospital.")
    events = _events(pipeline, text, datetime(2026, 1, 13, 7, 45))
    assert events and all(e.place.country == "Nigeria" for e in events)
    assert events[0].actor1.name == "Unidentified Armed Group (Nigeria)"
    # an acronym or a common word that is also a small town abroad ("SDF", "Arab") says nothing
    text = ("Fighters from Arab tribes attacked SDF positions in Deir ez-Zor, Syria, on Monday. Shells struck the "
            "village of Al Quriyah on Monday afternoon, killing a woman and her young son, the SDF said. The SDF "
            "blamed Arab fighters. The SDF, the SDF and the SDF said the US-led coalition made no comment.")
    events = _events(pipeline, text, datetime(2024, 9, 3, 9))
    assert {e.place.country for e in events} == {"Syria"}


def test_a_claim_by_a_long_name_the_parser_cuts_is_the_group_named(pipeline) -> None:
    text = ("OUAGADOUGOU, Oct 16 - Fighters attacked army positions in the northern town of Djibo early on Sunday, "
            "killing at least 23 soldiers, two security sources said.\n"
            "Jama'at Nusrat al-Islam wal-Muslimin (JNIM) claimed responsibility in a statement released through its "
            "al-Zallaqa media arm late on Sunday.")
    [e] = _events(pipeline, text, datetime(2025, 10, 16, 14, 25))
    assert [(c.speaker, c.status) for c in e.responsibility] == [
        ("JNIM: Group for Support of Islam and Muslims", "claimed")]
    assert e.actor1.name == "JNIM: Group for Support of Islam and Muslims"


def test_a_capital_acting_is_no_place_and_a_citys_district_is_part_of_that_city(pipeline) -> None:
    text = ("ODESA, Ukraine, Nov 18 (Wirewatch) - A Russian ballistic missile slammed into a nine-storey apartment "
            "building in Odesa overnight, killing at least seven people and wounding 19, the regional governor said "
            "on Tuesday, as Moscow again targeted Ukraine's Black Sea ports with drones and missiles.\n\n"
            "The missile struck shortly before 3 a.m. in the city's Kyivskyi district, tearing away part of the "
            "building's facade, the governor said.\n\n"
            "Kiper said a grain warehouse and several trucks were damaged and a truck driver was wounded.")
    events = _events(pipeline, text, datetime(2025, 11, 18))
    first = events[0]
    assert (first.place.name, first.place.admin1, first.actor2.name) == ("Odesa", "Odesa", "Civilians (Ukraine)")
    assert all(e.place.country == "Ukraine" and e.place.admin1 == "Odesa" for e in events)
    # damage with no crowd is no riot
    assert "Violent demonstration" not in {e.sub_event_type for e in events}


def test_a_town_given_as_a_bearing_is_the_place_near_which_it_happened(pipeline) -> None:
    text = ("OUAGADOUGOU, Oct 16 (Sahel Wire) - The army said air force drones struck a column of fighters "
            "withdrawing towards Baraboulé, about 30 kilometres northwest of Djibo, on Monday.")
    [e] = _events(pipeline, text, datetime(2025, 10, 16, 14, 25))
    assert (e.sub_event_type, e.place.name, e.place.admin1, e.place.geo_precision) == (
        "Air/drone strike", "Djibo", "Sahel", 2)
    assert e.place.span.text == "Djibo"


def test_a_summary_bullet_and_its_detailed_account_are_one_event(pipeline) -> None:
    text = ("TRIPOLI, Aug 12 (Libya Wire) - Key points:\n"
            "- Heavy fighting in Zawiya killed two civilians on 10-11 August.\n"
            "- Schools in the city stayed closed on Tuesday.\n\n"
            "Clashes broke out on Sunday night in the Al-Harsha area west of Zawiya between the 103rd Battalion and "
            "the Al-Nasr Brigade, residents said. Two civilians were killed by stray bullets, the Zawiya Medical "
            "Centre said.\n")
    [e] = _events(pipeline, text, datetime(2025, 8, 12, 10))
    # the detailed account stands: its day (Sunday night) and its sides
    assert (e.sub_event_type, e.place.country, str(e.date.date), e.actor2.name, e.fatalities.best) == (
        "Armed clash", "Libya", "2025-08-10", "Al-Nasr Brigade", 2)


def test_a_sides_count_of_enemies_neutralised_is_the_clash_toll(pipeline) -> None:
    text = ("BAMAKO, Oct 22 (Sahel Wire) - On Sunday, fighters of the Movement for the Salvation of Azawad (MSA) "
            "clashed with Islamic State militants about 20 kilometres west of Anderamboukane. In a statement posted "
            'on Facebook, the MSA said it had "neutralised" about a dozen "terrorists" and lost two of its own men.\n'
            'The Turkish Defence Ministry said on Friday that 14 "terrorists" had been "neutralised" in northern Iraq '
            "over the past week.")
    [e] = _events(pipeline, text, datetime(2024, 10, 22, 9))
    assert (e.sub_event_type, str(e.date.date), e.fatalities.best) == ("Armed clash", "2024-10-20", 14)


def test_gangs_shooting_residents_and_burning_homes_is_an_attack_not_a_riot(pipeline) -> None:
    text = ("PORT-AU-PRINCE, 8 May 2025 - The network expressed alarm at the wave of violence that struck the "
            "communes of Kenscoff, Delmas and Petion-Ville between Monday and Wednesday.\n\n"
            "In the early hours of Monday, gang members entered the locality of Belot in the commune of Kenscoff. "
            "Survivors described men going from house to house, shooting residents and setting homes on fire. "
            "The network has documented the killing of nine people.")
    [e] = _events(pipeline, text, datetime(2025, 5, 8, 12))
    assert (e.sub_event_type, str(e.date.date), e.fatalities.best, e.actor2.name) == (
        "Attack", "2025-05-05", 9, "Civilians (Haiti)")


def test_a_groups_own_account_a_raid_that_met_fire_and_a_past_years_attack(pipeline) -> None:
    text = ("KABUL, March 19 (Wire) - A suicide bomber detonated an explosives vest at the gate of an education centre "
            "in Dasht-e Barchi in Kabul on Tuesday, killing six people, a Taliban spokesman said.\n\n"
            "In a statement carried by its Amaq news agency, Islamic State Khorasan Province said one of its fighters "
            'had "killed and wounded around 40 apostates". The claim could not be verified.\n\n'
            "Hours after the bombing, late on Tuesday, Taliban special forces raided a house in the Qala-e Wahid area "
            "of Kabul. Three militants were killed in an exchange of fire.\n\n"
            "The district has been hit repeatedly in the past, including a 2022 suicide attack on another education "
            "centre that killed dozens of young women.")
    bomb, raid = _events(pipeline, text, datetime(2025, 3, 19, 8))
    assert (bomb.sub_event_type, bomb.fatalities.best) == ("Suicide bomb", 6)
    assert [(c.speaker, c.status) for c in bomb.responsibility] == [("Islamic State Khorasan Province", "claimed")]
    assert (raid.sub_event_type, str(raid.date.date), raid.fatalities.best) == ("Armed clash", "2025-03-18", 3)


def test_bulletin_items_headed_by_their_town(pipeline) -> None:
    text = ("Protection Flash Update No. 14\n"
            "SAINT-MARC, 14 August 2025 - The security situation deteriorated sharply during the reporting period.\n\n"
            "- Savien. At dawn on Saturday, 9 August, dozens of armed men from the Gran Grif gang entered Savien and "
            "went from house to house. CAP monitors have so far documented 11 people killed and six people wounded by "
            'gunfire. A local radio station reported that "more than 20" people were killed; CAP has not been able to '
            "verify this figure.\n\n"
            "- Verrettes. On Thursday, 7 August, police units exchanged fire with Gran Grif members who had set up a "
            "checkpoint on the road between Verrettes and Deschapelles. Two gang members were killed.\n\n"
            "- Saint-Marc. On Monday, 11 August, several hundred displaced people marched peacefully from the Place "
            "d'Armes to the offices of the departmental delegation to demand protection.\n")
    raid, clash, march = _events(pipeline, text, datetime(2025, 8, 14, 16))
    assert (raid.sub_event_type, str(raid.date.date), raid.fatalities.best, raid.injuries.best) == (
        "Attack", "2025-08-09", 11, 6)
    assert (clash.sub_event_type, clash.place.name, clash.place.admin1, clash.fatalities.best) == (
        "Armed clash", "Verrettes", "Artibonite", 2)
    assert (march.sub_event_type, march.place.name, str(march.date.date)) == ("Peaceful protest", "Saint-Marc",
                                                                              "2025-08-11")
    assert march.place.span.text == "Saint-Marc"


def test_state_media_operation_against_an_armed_group_claims_and_condolences(pipeline) -> None:
    text = ("MOGADISHU, 20 November 2025 (SONNA) - The heroic forces of the Somali National Army, fighting alongside "
            "the Ma'awisley community defence forces, on Wednesday carried out an operation against Khawarij hideouts "
            "near Bulo Burte in Hiraan region, killing 20 Khawarij.\n\n"
            "The Khawarij-affiliated propaganda outlets claimed on Wednesday evening that they had killed 11 soldiers "
            "and seized a military position.\n\n"
            "On Monday, a roadside bomb struck a minibus carrying passengers on the road between Beledweyne and Bulo "
            "Burte. Police said five civilians were killed.\n\n"
            "The Khawarij retook several of those areas earlier this year during an offensive.\n\n"
            "The Prime Minister's office also extended condolences to the families of the civilians killed in the "
            "Monday bombing.")
    clash, bomb = _events(pipeline, text, datetime(2025, 11, 20, 9))
    # armed men on both sides: a battle, whatever the verb
    assert (clash.sub_event_type, clash.actor2.name, clash.fatalities.best) == ("Armed clash", "Al Shabaab", 20)
    assert (bomb.sub_event_type, str(bomb.date.date), bomb.fatalities.best) == (
        "Remote explosive/landmine/IED", "2025-11-17", 5)


def test_a_town_name_another_country_uses_for_a_big_city_does_not_move_the_article(pipeline) -> None:
    text = ("JOS - Two travellers were beaten to death in Mangu on Tuesday afternoon after irate youths who mounted a "
            "roadblock along the Mangu-Bokkos road dragged them out of a commercial bus, police in central Nigeria's "
            "Plateau State said. The youths in Mangu accused them of being Fulani. In Mangu, shops stayed shut.")
    [e] = _events(pipeline, text, datetime(2026, 4, 8, 9))
    assert (e.place.name, e.place.admin1, e.place.country, e.fatalities.best) == ("Mangu", "Plateau", "Nigeria", 2)


def test_a_lead_joining_two_events_a_byline_and_a_past_disaster_clause(pipeline) -> None:
    text = ("Serbian police fire tear gas at Belgrade student blockade\n"
            "By Jelena Markovic and Luka Petrov | Published: 16 March 2026, 19:45 CET\n\n"
            "BELGRADE, Mar 16 (Balkan Wire) - Serbian riot police fired tear gas and stun grenades late on Sunday to "
            "clear students blocking a major Belgrade intersection, and a group of masked men armed with bats attacked "
            "a student protest camp in the central city of Kragujevac on Monday morning.\n\n"
            "In Novi Sad, where the concrete canopy of the renovated railway station collapsed on Nov. 1, 2024, killing "
            "16 people, tens of thousands of people gathered in silence at 11:52 a.m. on Monday and then marched to "
            "the station to lay flowers.")
    belgrade, kragujevac, novi_sad = _events(pipeline, text, datetime(2026, 3, 16, 19, 45))
    assert (belgrade.place.name, str(belgrade.date.date)) == ("Belgrade", "2026-03-15")
    assert (kragujevac.place.name, str(kragujevac.date.date)) == ("Kragujevac", "2026-03-16")
    # the 16 dead of 2024 are the background, not this march's toll
    assert (novi_sad.sub_event_type, novi_sad.place.name, novi_sad.place.admin1, novi_sad.fatalities) == (
        "Peaceful protest", "Novi Sad", "Vojvodina", None)


def test_the_taliban_in_power_are_afghanistans_state_forces_and_the_dead_of_a_clash_are_its_toll(pipeline) -> None:
    text = ("KABUL, May 12 - Taliban fighters shot dead a young shepherd in Anaba district of Panjshir province on "
            "Monday after accusing him of carrying food to resistance fighters, a relative said.")
    [e] = _events(pipeline, text, datetime(2026, 5, 12, 9))
    assert (e.actor1.name, e.actor1.inter, e.actor2.name) == (
        "Military Forces of Afghanistan (2021-)", 1, "Civilians (Afghanistan)")
    assert (e.place.country, e.place.admin1, e.fatalities.best) == ("Afghanistan", "Panjshir", 1)
    before = ("KABUL, Aug 2 - Taliban fighters shot dead a young shepherd in Panjshir province on Sunday, "
              "a relative said.")
    [old] = _events(pipeline, before, datetime(2020, 8, 2, 9))
    assert old.actor1.name == "Taliban"

    text = ("RIO DE JANEIRO, May 12 (Reuters) - Four men were killed on Tuesday when military police clashed with "
            "gunmen from a drug gang during an operation in the Vila Kennedy community in Rio de Janeiro's West Zone, "
            "the state police said.")
    [clash] = _events(pipeline, text, datetime(2026, 5, 12, 18))
    assert (clash.sub_event_type, clash.actor1.name, clash.actor2.name, clash.fatalities.best) == (
        "Armed clash", "Police Forces of Brazil", "Unidentified Armed Group (Brazil)", 4)
    text = ("BUNIA, July 22 - At least seven displaced people were killed overnight from Sunday to Monday when CODECO "
            "militiamen attacked the displacement site in Djugu territory, according to a provisional toll.")
    [camp] = _events(pipeline, text, datetime(2025, 7, 22, 9))
    assert (camp.sub_event_type, camp.actor2.name, camp.fatalities.best) == (
        "Attack", "Civilians (Democratic Republic of Congo)", 7)


def test_a_partisan_battle_report_its_condolences_cattle_and_rivers(pipeline) -> None:
    text = ("SPLA-IO repulses regime offensive near Nasir\n"
            "SPLM/SPLA (IO) Media Desk | Tuesday, 18 November 2025\n\n"
            "NASIR / MALAKAL - The SPLA-IO has once again demonstrated its resolve to defend the people of Upper Nile "
            "after our gallant forces repulsed an offensive launched by the forces of Kiir's regime against our "
            "defensive positions west of Nasir town on Saturday.\n\n"
            "On Friday night, regime soldiers shot dead two fishermen on the bank of the White Nile near the Malakal "
            "river port, residents said. More than 200 head of cattle were also killed.\n\n"
            "The leadership sends its heartfelt condolences to the families of the martyrs. "
            "The bodies of the martyrs will be handed over to their families on Friday.")
    battle, killing = _events(pipeline, text, datetime(2025, 11, 18, 9))
    # 'demonstrated its resolve' is no demonstration; a town named as a reference point beats the province
    assert (battle.sub_event_type, battle.place.name, str(battle.date.date)) == ("Armed clash", "Nasir", "2025-11-15")
    # 'regime soldiers' are the forces of the country where it happened, not Syria's; the White Nile here is a river
    assert (killing.actor1.name, killing.place.name, killing.place.country, killing.fatalities.best) == (
        "Military Forces of South Sudan", "Malakal", "South Sudan", 2)


def test_a_capital_dateline_does_not_place_a_provincial_story_and_a_lumped_toll_is_no_toll(pipeline) -> None:
    text = ("MOSCOW, Oct 14 (Reuters) - A Ukrainian drone hit an apartment block in Kurchatov in the Kursk region "
            "overnight, killing a woman, the governor said.\n\n"
            "On Monday afternoon, a Ukrainian drone struck a car on the outskirts of Glushkovo, killing the driver.\n\n"
            "The defence ministry also said Russian forces had repelled an attempt by a Ukrainian sabotage group "
            "to cross the border on Sunday. \"The enemy lost up to 15 servicemen killed and wounded,\" it said.")
    kurchatov, glushkovo, raid = _events(pipeline, text, datetime(2025, 10, 14, 9))
    assert (kurchatov.place.name, glushkovo.place.name) == ("Kurchatov", "Glushkovo")
    # 'repelled' is a battle word; placed by the province the story names, not by Moscow where it was filed
    assert (raid.sub_event_type, str(raid.date.date), raid.place.admin1, raid.fatalities) == (
        "Armed clash", "2025-10-12", "Kursk", None)


def test_a_lead_with_a_second_event_the_following_day_and_a_border_neighbour(pipeline) -> None:
    text = ("JAYAPURA, Indonesia, Aug 19 (Reuters) - Separatist gunmen shot dead two construction workers on a road "
            "project near Indonesia's border with Papua New Guinea on Sunday, police said, and a soldier was killed "
            "the following day when troops searching for the attackers came under fire.")
    attack, clash = _events(pipeline, text, datetime(2025, 8, 19, 9))
    assert (attack.sub_event_type, str(attack.date.date), attack.place.country, attack.fatalities.best) == (
        "Attack", "2025-08-17", "Indonesia", 2)
    assert (clash.sub_event_type, str(clash.date.date), clash.date.phrase, clash.fatalities.best) == (
        "Armed clash", "2025-08-18", "the following day", 1)


def test_a_state_agency_report_with_its_own_acronyms_a_foreign_strike_and_arrests_over_an_attack(pipeline) -> None:
    text = ("Puntland forces crush Daesh in Iskushuban\n"
            "Puntland National News Agency (PNNA) | Garowe | Thursday, 16 April 2026\n\n"
            "In a statement read on Puntland television on Wednesday, the Minister of Security said that on Tuesday "
            "the Puntland Defence Forces (PDF) stormed a hideout in the hills of Iskushuban district.\n\n"
            "The ministry also condemned the grenade attack carried out on Monday evening against a police checkpoint "
            "in Bosaso. One police officer was killed and several civilians were wounded.\n\n"
            "On Tuesday night, officers of the Puntland Intelligence Agency arrested 14 suspects in Bosaso in "
            "connection with the grenade attack.\n\n"
            "In a separate statement, the United States Africa Command (AFRICOM) said it had carried out an air "
            "strike early on Wednesday against ISIS-Somalia militants southeast of Bosaso. It gave no figure for "
            "the militants killed.")
    raid, grenade, arrests, strike = _events(pipeline, text, datetime(2026, 4, 16, 9))
    # 'said that on Tuesday' is the raid's day; the statement's Wednesday is only when it was read
    assert (str(raid.date.date), raid.place.name) == ("2026-04-14", "Iskushuban")
    assert (grenade.sub_event_type, str(grenade.date.date), grenade.fatalities.best) == ("Grenade", "2026-04-13", 1)
    # arrests 'in connection with the grenade attack' are arrests, not more of the attack
    assert (arrests.sub_event_type, str(arrests.date.date)) == ("Arrests", "2026-04-14")
    # a side telling its own strike 'in a separate statement' reports a new event
    assert (strike.sub_event_type, strike.actor1.name, str(strike.date.date)) == (
        "Air/drone strike", "Military Forces of the United States", "2026-04-15")


def test_a_lead_whose_second_clause_tells_another_event_and_a_toll_split_across_sides(pipeline) -> None:
    text = ("ESMERALDAS, Ecuador, June 16 (Reuters) - Gunmen burst into a pool hall in the port city of Esmeraldas "
            "late on Saturday and opened fire on customers, killing nine people, police said on Monday, while the "
            "army reported a deadly firefight with an armed group guarding an illegal gold mine.\n\n"
            "Seven other people were wounded and taken to the Delfina Torres de Concha hospital, two of them in "
            "serious condition.")
    [attack] = _events(pipeline, text, datetime(2025, 6, 16, 12))
    # the first clause's attack on civilians, not the firefight the lead adds, with the next sentence's wounded
    assert (attack.sub_event_type, attack.actor2.name, attack.fatalities.best, attack.injuries.best) == (
        "Attack", "Civilians (Ecuador)", 9, 7)


def test_a_side_s_dead_and_the_other_side_s_wounded_in_one_sentence() -> None:
    from eventwire.extract.counts import find_casualties

    got = find_casualties("Troops returned fire, killing three of the attackers, and one soldier was wounded in "
                          "the leg, it said.", both_sides=True)
    assert (got["killed"].best, got["injured"].best) == (3, 1)
    assert find_casualties("The enemy lost up to 15 servicemen killed and wounded, the ministry said.") == {}


def test_state_media_figures_of_speech_and_a_district_beside_a_town(pipeline) -> None:
    text = ("Caracas, 23 Sep (ABP) - The glorious National Bolivarian Armed Force (FANB) struck a heavy blow against "
            "the Colombian narco-terrorist armed groups in the state of Apure, where four terrorists were neutralised "
            "on Sunday, the command reported on Monday.\n\n"
            "Troops of the 92nd Brigade were patrolling in the Páez municipality, near the town of Guasdualito, when "
            "they were attacked by a group of terrorists.")
    clash, patrol = _events(pipeline, text, datetime(2025, 9, 23, 9))
    # 'struck a heavy blow' is no air strike
    assert (clash.sub_event_type, clash.actor1.name, clash.fatalities.best) == (
        "Armed clash", "Military Forces of Venezuela", 4)
    # the town beside the municipality places the fight, in Venezuela (Colombia also has a Páez)
    assert (patrol.place.name, patrol.place.country, patrol.place.admin1) == ("Guasdualito", "Venezuela", "Apure")


def test_a_weekend_summary_toll_and_a_town_the_model_tags_as_a_nationality(pipeline) -> None:
    text = ("APATZINGÁN, Mich. - Violence in Tierra Caliente claimed at least eight lives over the weekend and into "
            "Monday, officials said.\n\n"
            "On Saturday, soldiers patrolling the hills of Tepalcatepec municipality, near the border with Jalisco, "
            "were ambushed by gunmen travelling in several pickup trucks, according to a report by the Defence "
            "Ministry. Five attackers were killed.")
    [clash] = _events(pipeline, text, datetime(2026, 2, 3, 9))
    assert (clash.sub_event_type, str(clash.date.date), clash.fatalities.best) == ("Armed clash", "2026-01-31", 5)
    assert (clash.place.name, clash.place.admin1, clash.place.geo_precision) == ("Tepalcatepec", "Michoacan", 2)


def test_a_wafa_style_report_occupation_forces_bullets_and_an_announced_strike(pipeline) -> None:
    text = ("HEBRON, July 16, 2025 (WAFA) - A young man was martyred at dawn today by the bullets of the Israeli "
            "occupation forces in the town of Beit Ummar, north of Hebron, while colonists set fire to two homes in "
            "Masafer Yatta, in a new escalation across the Hebron governorate.\n\n"
            "In pre-dawn raids today, occupation forces also launched an arrest campaign in the town of Dura, "
            "detaining five young men.\n\n"
            "The national forces mourned the martyr and declared a general strike in Beit Ummar tomorrow.")
    shot, arrests = _events(pipeline, text, datetime(2025, 7, 16, 12))
    # the bullets' owner fired them; 'the Hebron governorate' is the area, the town named first is the place
    assert (shot.sub_event_type, shot.actor1.name, shot.actor2.name, shot.place.name, shot.fatalities.best) == (
        "Attack", "Military Forces of Israel", "Civilians (Palestine)", "Bayt Ummar", 1)
    # 'occupation forces' in a Palestinian outlet are Israel's; the announced strike is still to come
    assert (arrests.sub_event_type, arrests.actor1.name, arrests.place.name) == (
        "Arrests", "Military Forces of Israel", "Dura")


def test_herders_shooting_residents_is_an_attack_and_a_bulletin_highlight_is_its_detailed_account(pipeline) -> None:
    text = ("Residents of Gwer East Local Government Area of Benue State are counting their losses after suspected "
            "armed herders invaded two settlements on the outskirts of Aliade late on Saturday, shooting residents "
            "and setting houses ablaze.")
    [e] = _events(pipeline, text, datetime(2025, 10, 14, 6))
    assert (e.sub_event_type, e.actor1.name, str(e.date.date)) == (
        "Attack", "Fulani Ethnic Militia (Nigeria)", "2025-10-11")

    text = ("Marib Governorate - Flash Update No. 2\n"
            "Issued by the Marib Humanitarian Hub | 19 February 2026\n\n"
            "HIGHLIGHTS\n"
            "- At least four internally displaced persons, two of them children, killed in a missile strike near "
            "al-Jufainah displacement site on 16 February.\n\n"
            "SITUATION OVERVIEW\n\n"
            "On the evening of 16 February, a missile struck an open area adjacent to al-Jufainah, the largest "
            "displacement site in Marib city, killing four people and injuring 11.")
    [strike] = _events(pipeline, text, datetime(2026, 2, 19, 9))
    assert (strike.sub_event_type, str(strike.date.date), strike.fatalities.best, strike.injuries.best) == (
        "Shelling/artillery/missile attack", "2026-02-16", 4, 11)


def test_a_partisan_outlet_s_acronyms_relative_clause_dates_and_comparisons(pipeline) -> None:
    text = ("SULAYMANIYAH - The Turkish state, which continues to ignore the ceasefire declared by our movement on "
            "1 March, struck again. Two guerrillas of the People's Defence Forces (HPG) and a young shepherd were "
            "killed when an armed drone of the invading army struck a vehicle in the countryside of Penjwen on "
            "Tuesday.\n\n"
            "Earlier years have seen similar massacres in the region.")
    events = _events(pipeline, text, datetime(2025, 4, 10, 9))
    strike = next(e for e in events if e.sub_event_type == "Air/drone strike" and e.fatalities is not None)
    # the acronym in brackets names the group: the PKK's HPG, not Myanmar's People's Defence Force
    assert (str(strike.date.date), strike.actor2.name, strike.fatalities.best) == (
        "2025-04-08", "PKK: Kurdistan Workers Party", 3)
    # 'similar massacres' compares, it tells no event
    assert all("similar massacres" not in e.evidence["sentence"][0].text for e in events)
    # the day in the relative clause is the truce's, not the killing's
    text = ("The Turkish army, which ignored the truce agreed on 1 March, killed two shepherds near Penjwen, "
            "the mayor said.")
    [killing] = _events(pipeline, text, datetime(2025, 4, 10, 9))
    assert (killing.sub_event_type, killing.fatalities.best) == ("Attack", 2)
    assert str(killing.date.date) != "2025-03-01"


def test_a_protest_live_report_rioting_youths_tallies_and_plans(pipeline) -> None:
    text = ("NAIROBI, Kenya - Two young men were shot dead and at least 14 other people injured in Nairobi's Central Business "
            "District on Tuesday afternoon when police fired live bullets and tear gas at crowds of protesters, "
            "witnesses and medics said.\n\n"
            "In Kawangware, west of the city centre, groups of youths blocked Naivasha Road with burning tyres, "
            "stoned police vehicles and looted at least four shops in the evening.\n\n"
            "The ombudsman's figures bring to at least 46 the number of people who have died in protests since "
            "December. Protest leaders said they would keep roads blocked.")
    cbd, kawangware = _events(pipeline, text, datetime(2024, 7, 16, 21))
    # 'witnesses and medics said' covers the sentence but is no place of the speakers
    assert (cbd.sub_event_type, cbd.place.name, cbd.fatalities.best, cbd.injuries.best) == (
        "Excessive force against protesters", "Nairobi", 2, 14)
    # a crowd's looting alongside its stoning of police is a riot
    assert (kawangware.sub_event_type, kawangware.actor1.name) == ("Violent demonstration", "Rioters (Kenya)")


def test_a_deadline_after_publication_is_no_event_date(pipeline) -> None:
    text = ("BIJAPUR - A head constable was killed and two jawans were injured when a pressure IED exploded near "
            "Bhairamgarh on Monday morning, police said.\n\n"
            "The Chief Minister paid tributes to the slain head constable and said the government was committed to "
            "eliminating Left-wing extremism from the state by March 31, 2026.")
    [blast] = _events(pipeline, text, datetime(2025, 6, 24, 8))
    assert (blast.sub_event_type, str(blast.date.date), blast.fatalities.best, blast.injuries.best) == (
        "Remote explosive/landmine/IED", "2025-06-23", 1, 2)


def test_a_live_blog_entry_is_placed_by_its_label(pipeline) -> None:
    text = ("Nepal protests live: curfew in Kathmandu\n\n"
            "17:10 NPT - Lalitpur: A crowd that had marched from Patan Dhoka set fire to a ward office of Lalitpur "
            "Metropolitan City and pelted stones at the residence of a lawmaker, our correspondent reports.")
    [e] = _events(pipeline, text, datetime(2026, 7, 16, 18))
    assert (e.sub_event_type, e.place.name, e.place.admin1, e.place.span.text) == (
        "Violent demonstration", "Patan", "Bagmati", "Lalitpur")


def test_russian_state_media_group_names_and_glide_bombs(pipeline) -> None:
    text = ("The head of the Sumy regional military administration said on Telegram that two glide bombs hit a "
            "residential area of Bilopillia on Thursday, killing two people and injuring seven.")
    [e] = _events(pipeline, text, datetime(2026, 2, 13, 12))
    assert (e.sub_event_type, e.place.name, e.fatalities.best, e.injuries.best) == (
        "Air/drone strike", "Bilopillia", 2, 7)
    from eventwire.extract.actors import normalise_actor

    assert normalise_actor("Units of the Sever (North) group of forces", countries=["Ukraine"]).name == \
        "Military Forces of Russia"
