"""Generated from schema/article.schema.json by scripts/gen_checker.py: do not edit."""

import re
from typing import Any, Final

SCHEMA_SHA256 = "b6c98b3167b82221689cc6981068b64711144f52a7bd490a1c5f512fa080cf4f"
_ABSENT: Final = object()
_c5: Final = re.compile('^[0-9]+\\.[0-9]+\\.[0-9]+$').search
_c14: Final = frozenset({'tar', 'tar+gz', 'tar.gz', 'tar.gz+gz', 'txt', 'txt.gz'})
_c16: Final = frozenset({'cp1252', 'latin-1', 'utf-8'})
_c52: Final = frozenset({'organization', 'person', 'unnamed', None})
_c101: Final = frozenset({'quotes', 'sections'})
_c103: Final = frozenset({'not_article', 'ok', 'parser_failed', None})


def check(v0: Any) -> bool:
    if not (type(v0) is dict): return False
    if len(v0) != 24: return False
    p1 = v0.get('id', _ABSENT)
    if p1 is _ABSENT: return False
    if not (type(p1) is str): return False
    if not (len(p1) == 23 or len(p1) == 24 and ord(p1[23]) == 10): return False
    c2 = ord(p1[0])
    if not (c2 == 110): return False
    c2 = ord(p1[1])
    if not (c2 == 98): return False
    c2 = ord(p1[2])
    if not (c2 == 45): return False
    for k3 in range(3, 23):
        c2 = ord(p1[k3])
        if not (48 <= c2 <= 57 or 97 <= c2 <= 102): return False
    p4 = v0.get('schema_version', _ABSENT)
    if p4 is _ABSENT: return False
    if not (type(p4) is str): return False
    if _c5(p4) is None: return False
    p6 = v0.get('source', _ABSENT)
    if p6 is _ABSENT: return False
    if not (type(p6) is dict): return False
    if len(p6) != 6: return False
    p7 = p6.get('path', _ABSENT)
    if p7 is _ABSENT: return False
    if not (type(p7) is str): return False
    p8 = p6.get('sha256', _ABSENT)
    if p8 is _ABSENT: return False
    if not (type(p8) is str): return False
    if not (len(p8) == 64 or len(p8) == 65 and ord(p8[64]) == 10): return False
    for k10 in range(0, 64):
        c9 = ord(p8[k10])
        if not (48 <= c9 <= 57 or 97 <= c9 <= 102): return False
    p11 = p6.get('offset', _ABSENT)
    if p11 is _ABSENT: return False
    if not (type(p11) is int): return False
    if p11 < 0: return False
    p12 = p6.get('length', _ABSENT)
    if p12 is _ABSENT: return False
    if not (type(p12) is int): return False
    if p12 < 0: return False
    p13 = p6.get('format', _ABSENT)
    if p13 is _ABSENT: return False
    if not (type(p13) is str): return False
    if p13 not in _c14: return False
    p15 = p6.get('encoding', _ABSENT)
    if p15 is _ABSENT: return False
    if not (type(p15) is str): return False
    if p15 not in _c16: return False
    p17 = v0.get('crawl_date', _ABSENT)
    if p17 is _ABSENT: return False
    if not (type(p17) is str): return False
    if not (len(p17) == 10 or len(p17) == 11 and ord(p17[10]) == 10): return False
    for k19 in range(0, 4):
        c18 = ord(p17[k19])
        if not (48 <= c18 <= 57): return False
    c18 = ord(p17[4])
    if not (c18 == 45): return False
    for k20 in range(5, 7):
        c18 = ord(p17[k20])
        if not (48 <= c18 <= 57): return False
    c18 = ord(p17[7])
    if not (c18 == 45): return False
    for k21 in range(8, 10):
        c18 = ord(p17[k21])
        if not (48 <= c18 <= 57): return False
    p22 = v0.get('category', _ABSENT)
    if p22 is _ABSENT: return False
    if not (type(p22) is str or p22 is None): return False
    if p22 is not None:
        pass
    p23 = v0.get('title', _ABSENT)
    if p23 is _ABSENT: return False
    if not (type(p23) is str): return False
    if len(p23) < 1: return False
    p24 = v0.get('authors', _ABSENT)
    if p24 is _ABSENT: return False
    if not (type(p24) is list): return False
    for i25 in p24:
        pass
        if not (type(i25) is str): return False
        if len(i25) < 1: return False
    p26 = v0.get('publisher', _ABSENT)
    if p26 is _ABSENT: return False
    if not (type(p26) is str or p26 is None): return False
    if p26 is not None:
        pass
    p27 = v0.get('published_raw', _ABSENT)
    if p27 is _ABSENT: return False
    if not (type(p27) is str or p27 is None): return False
    if p27 is not None:
        pass
    p28 = v0.get('published_date', _ABSENT)
    if p28 is _ABSENT: return False
    if not (type(p28) is str or p28 is None): return False
    if p28 is not None:
        pass
        if not (len(p28) == 10 or len(p28) == 11 and ord(p28[10]) == 10): return False
        for k30 in range(0, 4):
            c29 = ord(p28[k30])
            if not (48 <= c29 <= 57): return False
        c29 = ord(p28[4])
        if not (c29 == 45): return False
        for k31 in range(5, 7):
            c29 = ord(p28[k31])
            if not (48 <= c29 <= 57): return False
        c29 = ord(p28[7])
        if not (c29 == 45): return False
        for k32 in range(8, 10):
            c29 = ord(p28[k32])
            if not (48 <= c29 <= 57): return False
    p33 = v0.get('images', _ABSENT)
    if p33 is _ABSENT: return False
    if not (type(p33) is list): return False
    for i34 in p33:
        pass
        if not (type(i34) is dict): return False
        if len(i34) != 3: return False
        p35 = i34.get('url', _ABSENT)
        if p35 is _ABSENT: return False
        if not (type(p35) is str): return False
        if len(p35) < 1: return False
        p36 = i34.get('caption', _ABSENT)
        if p36 is _ABSENT: return False
        if not (type(p36) is str or p36 is None): return False
        if p36 is not None:
            pass
        p37 = i34.get('credit', _ABSENT)
        if p37 is _ABSENT: return False
        if not (type(p37) is str or p37 is None): return False
        if p37 is not None:
            pass
    p38 = v0.get('sections', _ABSENT)
    if p38 is _ABSENT: return False
    if not (type(p38) is list): return False
    for i39 in p38:
        pass
        if not (type(i39) is dict): return False
        if len(i39) != 2: return False
        p40 = i39.get('heading', _ABSENT)
        if p40 is _ABSENT: return False
        if not (type(p40) is str or p40 is None): return False
        if p40 is not None:
            pass
        p41 = i39.get('paragraphs', _ABSENT)
        if p41 is _ABSENT: return False
        if not (type(p41) is list): return False
        for i42 in p41:
            pass
            if not (type(i42) is str): return False
            if len(i42) < 1: return False
    p43 = v0.get('text', _ABSENT)
    if p43 is _ABSENT: return False
    if not (type(p43) is str): return False
    p44 = v0.get('quotes', _ABSENT)
    if p44 is _ABSENT: return False
    if not (type(p44) is list): return False
    for i45 in p44:
        pass
        if not (type(i45) is dict): return False
        if len(i45) != 11: return False
        p46 = i45.get('text', _ABSENT)
        if p46 is _ABSENT: return False
        if not (type(p46) is str): return False
        if len(p46) < 1: return False
        p47 = i45.get('paragraph', _ABSENT)
        if p47 is _ABSENT: return False
        if not (type(p47) is int): return False
        if p47 < 0: return False
        p48 = i45.get('start', _ABSENT)
        if p48 is _ABSENT: return False
        if not (type(p48) is int): return False
        if p48 < 0: return False
        p49 = i45.get('end', _ABSENT)
        if p49 is _ABSENT: return False
        if not (type(p49) is int): return False
        if p49 < 0: return False
        p50 = i45.get('speaker', _ABSENT)
        if p50 is _ABSENT: return False
        if not (type(p50) is str or p50 is None): return False
        if p50 is not None:
            pass
        p51 = i45.get('speaker_kind', _ABSENT)
        if p51 is _ABSENT: return False
        if not (type(p51) is str or p51 is None): return False
        if p51 not in _c52: return False
        if p51 is not None:
            pass
        p53 = i45.get('speaker_mention', _ABSENT)
        if p53 is _ABSENT: return False
        if not (type(p53) is dict or p53 is None): return False
        if p53 is not None:
            pass
            if len(p53) != 4: return False
            p54 = p53.get('text', _ABSENT)
            if p54 is _ABSENT: return False
            if not (type(p54) is str): return False
            p55 = p53.get('paragraph', _ABSENT)
            if p55 is _ABSENT: return False
            if not (type(p55) is int): return False
            if p55 < 0: return False
            p56 = p53.get('start', _ABSENT)
            if p56 is _ABSENT: return False
            if not (type(p56) is int): return False
            if p56 < 0: return False
            p57 = p53.get('end', _ABSENT)
            if p57 is _ABSENT: return False
            if not (type(p57) is int): return False
            if p57 < 0: return False
        p58 = i45.get('cue', _ABSENT)
        if p58 is _ABSENT: return False
        if not (type(p58) is str or p58 is None): return False
        if p58 is not None:
            pass
        p59 = i45.get('group', _ABSENT)
        if p59 is _ABSENT: return False
        if not (type(p59) is int): return False
        if p59 < 0: return False
        p60 = i45.get('partial', _ABSENT)
        if p60 is _ABSENT: return False
        if not (type(p60) is bool): return False
        p61 = i45.get('span', _ABSENT)
        if p61 is _ABSENT: return False
        if not (type(p61) is dict): return False
        if len(p61) != 2: return False
        p62 = p61.get('start', _ABSENT)
        if p62 is _ABSENT: return False
        if not (type(p62) is int): return False
        if p62 < 0: return False
        p63 = p61.get('end', _ABSENT)
        if p63 is _ABSENT: return False
        if not (type(p63) is int): return False
        if p63 < 0: return False
    p64 = v0.get('comments_count', _ABSENT)
    if p64 is _ABSENT: return False
    if not (type(p64) is int or p64 is None): return False
    if p64 is not None:
        pass
        if p64 < 0: return False
    p65 = v0.get('entities', _ABSENT)
    if p65 is _ABSENT: return False
    if not (type(p65) is list): return False
    for i66 in p65:
        pass
        if not (type(i66) is dict): return False
        if len(i66) != 2: return False
        p67 = i66.get('type', _ABSENT)
        if p67 is _ABSENT: return False
        if not (type(p67) is str): return False
        p68 = i66.get('name', _ABSENT)
        if p68 is _ABSENT: return False
        if not (type(p68) is str): return False
    p69 = v0.get('topics', _ABSENT)
    if p69 is _ABSENT: return False
    if not (type(p69) is list): return False
    for i70 in p69:
        pass
        if not (type(i70) is dict): return False
        if len(i70) != 2: return False
        p71 = i70.get('type', _ABSENT)
        if p71 is _ABSENT: return False
        if not (type(p71) is str): return False
        p72 = i70.get('name', _ABSENT)
        if p72 is _ABSENT: return False
        if not (type(p72) is str): return False
    p73 = v0.get('tags', _ABSENT)
    if p73 is _ABSENT: return False
    if not (type(p73) is list): return False
    for i74 in p73:
        pass
        if not (type(i74) is str): return False
        if len(i74) < 1: return False
    p75 = v0.get('related_articles', _ABSENT)
    if p75 is _ABSENT: return False
    if not (type(p75) is list): return False
    for i76 in p75:
        pass
        if not (type(i76) is dict): return False
        if len(i76) != 4: return False
        p77 = i76.get('source', _ABSENT)
        if p77 is _ABSENT: return False
        if not (type(p77) is str): return False
        p78 = i76.get('title', _ABSENT)
        if p78 is _ABSENT: return False
        if not (type(p78) is str or p78 is None): return False
        if p78 is not None:
            pass
        p79 = i76.get('summary', _ABSENT)
        if p79 is _ABSENT: return False
        if not (type(p79) is str or p79 is None): return False
        if p79 is not None:
            pass
        p80 = i76.get('topic', _ABSENT)
        if p80 is _ABSENT: return False
        if not (type(p80) is str or p80 is None): return False
        if p80 is not None:
            pass
    p81 = v0.get('publisher_profile', _ABSENT)
    if p81 is _ABSENT: return False
    if not (type(p81) is dict or p81 is None): return False
    if p81 is not None:
        pass
        if len(p81) != 7: return False
        p82 = p81.get('name', _ABSENT)
        if p82 is _ABSENT: return False
        if not (type(p82) is str): return False
        p83 = p81.get('location', _ABSENT)
        if p83 is _ABSENT: return False
        if not (type(p83) is str or p83 is None): return False
        if p83 is not None:
            pass
        p84 = p81.get('followers', _ABSENT)
        if p84 is _ABSENT: return False
        if not (type(p84) is str or p84 is None): return False
        if p84 is not None:
            pass
        p85 = p81.get('posts', _ABSENT)
        if p85 is _ABSENT: return False
        if not (type(p85) is str or p85 is None): return False
        if p85 is not None:
            pass
        p86 = p81.get('views', _ABSENT)
        if p86 is _ABSENT: return False
        if not (type(p86) is str or p86 is None): return False
        if p86 is not None:
            pass
        p87 = p81.get('about', _ABSENT)
        if p87 is _ABSENT: return False
        if not (type(p87) is str or p87 is None): return False
        if p87 is not None:
            pass
        p88 = p81.get('url', _ABSENT)
        if p88 is _ABSENT: return False
        if not (type(p88) is str or p88 is None): return False
        if p88 is not None:
            pass
    p89 = v0.get('spans', _ABSENT)
    if p89 is _ABSENT: return False
    if not (type(p89) is list): return False
    for i90 in p89:
        pass
        if not (type(i90) is dict): return False
        if len(i90) != 3: return False
        p91 = i90.get('path', _ABSENT)
        if p91 is _ABSENT: return False
        if not (type(p91) is str): return False
        p92 = i90.get('start', _ABSENT)
        if p92 is _ABSENT: return False
        if not (type(p92) is int): return False
        if p92 < 0: return False
        p93 = i90.get('end', _ABSENT)
        if p93 is _ABSENT: return False
        if not (type(p93) is int): return False
        if p93 < 0: return False
    p94 = v0.get('warnings', _ABSENT)
    if p94 is _ABSENT: return False
    if not (type(p94) is list): return False
    for i95 in p94:
        pass
        if not (type(i95) is dict): return False
        if len(i95) != 2: return False
        p96 = i95.get('code', _ABSENT)
        if p96 is _ABSENT: return False
        if not (type(p96) is str): return False
        p97 = i95.get('message', _ABSENT)
        if p97 is _ABSENT: return False
        if not (type(p97) is str): return False
    p98 = v0.get('review', _ABSENT)
    if p98 is _ABSENT: return False
    if not (type(p98) is dict or p98 is None): return False
    if p98 is not None:
        pass
        if len(p98) != 6: return False
        p99 = p98.get('parts', _ABSENT)
        if p99 is _ABSENT: return False
        if not (type(p99) is list): return False
        for i100 in p99:
            pass
            if not (type(i100) is str): return False
            if i100 not in _c101: return False
        p102 = p98.get('verdict', _ABSENT)
        if p102 is _ABSENT: return False
        if not (type(p102) is str or p102 is None): return False
        if p102 not in _c103: return False
        if p102 is not None:
            pass
        p104 = p98.get('annotators', _ABSENT)
        if p104 is _ABSENT: return False
        if not (type(p104) is list): return False
        for i105 in p104:
            pass
            if not (type(i105) is str): return False
        p106 = p98.get('annotation_ids', _ABSENT)
        if p106 is _ABSENT: return False
        if not (type(p106) is list): return False
        for i107 in p106:
            pass
            if not (type(i107) is int): return False
        p108 = p98.get('task_id', _ABSENT)
        if p108 is _ABSENT: return False
        if not (type(p108) is int or p108 is None): return False
        if p108 is not None:
            pass
        p109 = p98.get('reviewed_at', _ABSENT)
        if p109 is _ABSENT: return False
        if not (type(p109) is str or p109 is None): return False
        if p109 is not None:
            pass
    p110 = v0.get('source_text', _ABSENT)
    if p110 is _ABSENT: return False
    if not (type(p110) is str): return False
    return True
