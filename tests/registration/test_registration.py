"""What a form gathers becomes records: the area the checklist scored is kept with it."""

import random
from datetime import date

from pace_desktop.demo import make_client, make_event
from pace_desktop.records.pace_id import new_pace_id
from pace_desktop.registration import build_checklist

GLASGOW, ABERDEENSHIRE = "S12000049", "S12000034"


def test_the_area_where_the_client_lives_is_scored_and_kept():
    rng = random.Random(4)
    event = make_event(rng, date(2026, 11, 20)).model_copy(update={"council_area": ABERDEENSHIRE})
    client = make_client(rng, event, new_pace_id())
    at_event = build_checklist({}, client=client, event=event)
    at_home = build_checklist({}, client=client, event=event, council_area=GLASGOW)
    assert at_event.council_area == ABERDEENSHIRE
    assert at_home.council_area == GLASGOW
    # Glasgow's claimant rate is above Scotland's, Aberdeenshire's below: only one scores the area question.
    assert at_home.score > at_event.score
