"""Generated from schema/article.schema.json by scripts/gen_checker.py: do not edit."""

import re
from typing import Any, Final

SCHEMA_SHA256 = "b6c98b3167b82221689cc6981068b64711144f52a7bd490a1c5f512fa080cf4f"
_ABSENT: Final = object()
_c2: Final = re.compile('^nb-[0-9a-f]{20}$').search
_c4: Final = re.compile('^[0-9]+\\.[0-9]+\\.[0-9]+$').search
_c8: Final = re.compile('^[0-9a-f]{64}$').search
_c12: Final = frozenset({(str, 'tar'), (str, 'tar+gz'), (str, 'tar.gz'), (str, 'tar.gz+gz'), (str, 'txt'), (str, 'txt.gz')})
_c14: Final = frozenset({(str, 'cp1252'), (str, 'latin-1'), (str, 'utf-8')})
_c16: Final = re.compile('^[0-9]{4}-[0-9]{2}-[0-9]{2}$').search
_c24: Final = re.compile('^[0-9]{4}-[0-9]{2}-[0-9]{2}$').search
_c44: Final = frozenset({(str, 'organization'), (str, 'person'), (str, 'unnamed'), (type(None), None)})
_c93: Final = frozenset({(str, 'quotes'), (str, 'sections')})
_c95: Final = frozenset({(str, 'not_article'), (str, 'ok'), (str, 'parser_failed'), (type(None), None)})


def check(v0: Any) -> bool:
    if not (type(v0) is dict): return False
    if len(v0) != 24: return False
    p1 = v0.get('id', _ABSENT)
    if p1 is _ABSENT: return False
    if not (type(p1) is str): return False
    if _c2(p1) is None: return False
    p3 = v0.get('schema_version', _ABSENT)
    if p3 is _ABSENT: return False
    if not (type(p3) is str): return False
    if _c4(p3) is None: return False
    p5 = v0.get('source', _ABSENT)
    if p5 is _ABSENT: return False
    if not (type(p5) is dict): return False
    if len(p5) != 6: return False
    p6 = p5.get('path', _ABSENT)
    if p6 is _ABSENT: return False
    if not (type(p6) is str): return False
    p7 = p5.get('sha256', _ABSENT)
    if p7 is _ABSENT: return False
    if not (type(p7) is str): return False
    if _c8(p7) is None: return False
    p9 = p5.get('offset', _ABSENT)
    if p9 is _ABSENT: return False
    if not (type(p9) is int): return False
    if p9 < 0: return False
    p10 = p5.get('length', _ABSENT)
    if p10 is _ABSENT: return False
    if not (type(p10) is int): return False
    if p10 < 0: return False
    p11 = p5.get('format', _ABSENT)
    if p11 is _ABSENT: return False
    if not (type(p11) is str): return False
    if (type(p11), p11) not in _c12: return False
    p13 = p5.get('encoding', _ABSENT)
    if p13 is _ABSENT: return False
    if not (type(p13) is str): return False
    if (type(p13), p13) not in _c14: return False
    p15 = v0.get('crawl_date', _ABSENT)
    if p15 is _ABSENT: return False
    if not (type(p15) is str): return False
    if _c16(p15) is None: return False
    p17 = v0.get('category', _ABSENT)
    if p17 is _ABSENT: return False
    if not (type(p17) is str or p17 is None): return False
    if p17 is not None:
        pass
    p18 = v0.get('title', _ABSENT)
    if p18 is _ABSENT: return False
    if not (type(p18) is str): return False
    if len(p18) < 1: return False
    p19 = v0.get('authors', _ABSENT)
    if p19 is _ABSENT: return False
    if not (type(p19) is list): return False
    for i20 in p19:
        pass
        if not (type(i20) is str): return False
        if len(i20) < 1: return False
    p21 = v0.get('publisher', _ABSENT)
    if p21 is _ABSENT: return False
    if not (type(p21) is str or p21 is None): return False
    if p21 is not None:
        pass
    p22 = v0.get('published_raw', _ABSENT)
    if p22 is _ABSENT: return False
    if not (type(p22) is str or p22 is None): return False
    if p22 is not None:
        pass
    p23 = v0.get('published_date', _ABSENT)
    if p23 is _ABSENT: return False
    if not (type(p23) is str or p23 is None): return False
    if p23 is not None:
        pass
        if _c24(p23) is None: return False
    p25 = v0.get('images', _ABSENT)
    if p25 is _ABSENT: return False
    if not (type(p25) is list): return False
    for i26 in p25:
        pass
        if not (type(i26) is dict): return False
        if len(i26) != 3: return False
        p27 = i26.get('url', _ABSENT)
        if p27 is _ABSENT: return False
        if not (type(p27) is str): return False
        if len(p27) < 1: return False
        p28 = i26.get('caption', _ABSENT)
        if p28 is _ABSENT: return False
        if not (type(p28) is str or p28 is None): return False
        if p28 is not None:
            pass
        p29 = i26.get('credit', _ABSENT)
        if p29 is _ABSENT: return False
        if not (type(p29) is str or p29 is None): return False
        if p29 is not None:
            pass
    p30 = v0.get('sections', _ABSENT)
    if p30 is _ABSENT: return False
    if not (type(p30) is list): return False
    for i31 in p30:
        pass
        if not (type(i31) is dict): return False
        if len(i31) != 2: return False
        p32 = i31.get('heading', _ABSENT)
        if p32 is _ABSENT: return False
        if not (type(p32) is str or p32 is None): return False
        if p32 is not None:
            pass
        p33 = i31.get('paragraphs', _ABSENT)
        if p33 is _ABSENT: return False
        if not (type(p33) is list): return False
        for i34 in p33:
            pass
            if not (type(i34) is str): return False
            if len(i34) < 1: return False
    p35 = v0.get('text', _ABSENT)
    if p35 is _ABSENT: return False
    if not (type(p35) is str): return False
    p36 = v0.get('quotes', _ABSENT)
    if p36 is _ABSENT: return False
    if not (type(p36) is list): return False
    for i37 in p36:
        pass
        if not (type(i37) is dict): return False
        if len(i37) != 11: return False
        p38 = i37.get('text', _ABSENT)
        if p38 is _ABSENT: return False
        if not (type(p38) is str): return False
        if len(p38) < 1: return False
        p39 = i37.get('paragraph', _ABSENT)
        if p39 is _ABSENT: return False
        if not (type(p39) is int): return False
        if p39 < 0: return False
        p40 = i37.get('start', _ABSENT)
        if p40 is _ABSENT: return False
        if not (type(p40) is int): return False
        if p40 < 0: return False
        p41 = i37.get('end', _ABSENT)
        if p41 is _ABSENT: return False
        if not (type(p41) is int): return False
        if p41 < 0: return False
        p42 = i37.get('speaker', _ABSENT)
        if p42 is _ABSENT: return False
        if not (type(p42) is str or p42 is None): return False
        if p42 is not None:
            pass
        p43 = i37.get('speaker_kind', _ABSENT)
        if p43 is _ABSENT: return False
        if not (type(p43) is str or p43 is None): return False
        if (type(p43), p43) not in _c44: return False
        if p43 is not None:
            pass
        p45 = i37.get('speaker_mention', _ABSENT)
        if p45 is _ABSENT: return False
        if not (type(p45) is dict or p45 is None): return False
        if p45 is not None:
            pass
            if len(p45) != 4: return False
            p46 = p45.get('text', _ABSENT)
            if p46 is _ABSENT: return False
            if not (type(p46) is str): return False
            p47 = p45.get('paragraph', _ABSENT)
            if p47 is _ABSENT: return False
            if not (type(p47) is int): return False
            if p47 < 0: return False
            p48 = p45.get('start', _ABSENT)
            if p48 is _ABSENT: return False
            if not (type(p48) is int): return False
            if p48 < 0: return False
            p49 = p45.get('end', _ABSENT)
            if p49 is _ABSENT: return False
            if not (type(p49) is int): return False
            if p49 < 0: return False
        p50 = i37.get('cue', _ABSENT)
        if p50 is _ABSENT: return False
        if not (type(p50) is str or p50 is None): return False
        if p50 is not None:
            pass
        p51 = i37.get('group', _ABSENT)
        if p51 is _ABSENT: return False
        if not (type(p51) is int): return False
        if p51 < 0: return False
        p52 = i37.get('partial', _ABSENT)
        if p52 is _ABSENT: return False
        if not (type(p52) is bool): return False
        p53 = i37.get('span', _ABSENT)
        if p53 is _ABSENT: return False
        if not (type(p53) is dict): return False
        if len(p53) != 2: return False
        p54 = p53.get('start', _ABSENT)
        if p54 is _ABSENT: return False
        if not (type(p54) is int): return False
        if p54 < 0: return False
        p55 = p53.get('end', _ABSENT)
        if p55 is _ABSENT: return False
        if not (type(p55) is int): return False
        if p55 < 0: return False
    p56 = v0.get('comments_count', _ABSENT)
    if p56 is _ABSENT: return False
    if not (type(p56) is int or p56 is None): return False
    if p56 is not None:
        pass
        if p56 < 0: return False
    p57 = v0.get('entities', _ABSENT)
    if p57 is _ABSENT: return False
    if not (type(p57) is list): return False
    for i58 in p57:
        pass
        if not (type(i58) is dict): return False
        if len(i58) != 2: return False
        p59 = i58.get('type', _ABSENT)
        if p59 is _ABSENT: return False
        if not (type(p59) is str): return False
        p60 = i58.get('name', _ABSENT)
        if p60 is _ABSENT: return False
        if not (type(p60) is str): return False
    p61 = v0.get('topics', _ABSENT)
    if p61 is _ABSENT: return False
    if not (type(p61) is list): return False
    for i62 in p61:
        pass
        if not (type(i62) is dict): return False
        if len(i62) != 2: return False
        p63 = i62.get('type', _ABSENT)
        if p63 is _ABSENT: return False
        if not (type(p63) is str): return False
        p64 = i62.get('name', _ABSENT)
        if p64 is _ABSENT: return False
        if not (type(p64) is str): return False
    p65 = v0.get('tags', _ABSENT)
    if p65 is _ABSENT: return False
    if not (type(p65) is list): return False
    for i66 in p65:
        pass
        if not (type(i66) is str): return False
        if len(i66) < 1: return False
    p67 = v0.get('related_articles', _ABSENT)
    if p67 is _ABSENT: return False
    if not (type(p67) is list): return False
    for i68 in p67:
        pass
        if not (type(i68) is dict): return False
        if len(i68) != 4: return False
        p69 = i68.get('source', _ABSENT)
        if p69 is _ABSENT: return False
        if not (type(p69) is str): return False
        p70 = i68.get('title', _ABSENT)
        if p70 is _ABSENT: return False
        if not (type(p70) is str or p70 is None): return False
        if p70 is not None:
            pass
        p71 = i68.get('summary', _ABSENT)
        if p71 is _ABSENT: return False
        if not (type(p71) is str or p71 is None): return False
        if p71 is not None:
            pass
        p72 = i68.get('topic', _ABSENT)
        if p72 is _ABSENT: return False
        if not (type(p72) is str or p72 is None): return False
        if p72 is not None:
            pass
    p73 = v0.get('publisher_profile', _ABSENT)
    if p73 is _ABSENT: return False
    if not (type(p73) is dict or p73 is None): return False
    if p73 is not None:
        pass
        if len(p73) != 7: return False
        p74 = p73.get('name', _ABSENT)
        if p74 is _ABSENT: return False
        if not (type(p74) is str): return False
        p75 = p73.get('location', _ABSENT)
        if p75 is _ABSENT: return False
        if not (type(p75) is str or p75 is None): return False
        if p75 is not None:
            pass
        p76 = p73.get('followers', _ABSENT)
        if p76 is _ABSENT: return False
        if not (type(p76) is str or p76 is None): return False
        if p76 is not None:
            pass
        p77 = p73.get('posts', _ABSENT)
        if p77 is _ABSENT: return False
        if not (type(p77) is str or p77 is None): return False
        if p77 is not None:
            pass
        p78 = p73.get('views', _ABSENT)
        if p78 is _ABSENT: return False
        if not (type(p78) is str or p78 is None): return False
        if p78 is not None:
            pass
        p79 = p73.get('about', _ABSENT)
        if p79 is _ABSENT: return False
        if not (type(p79) is str or p79 is None): return False
        if p79 is not None:
            pass
        p80 = p73.get('url', _ABSENT)
        if p80 is _ABSENT: return False
        if not (type(p80) is str or p80 is None): return False
        if p80 is not None:
            pass
    p81 = v0.get('spans', _ABSENT)
    if p81 is _ABSENT: return False
    if not (type(p81) is list): return False
    for i82 in p81:
        pass
        if not (type(i82) is dict): return False
        if len(i82) != 3: return False
        p83 = i82.get('path', _ABSENT)
        if p83 is _ABSENT: return False
        if not (type(p83) is str): return False
        p84 = i82.get('start', _ABSENT)
        if p84 is _ABSENT: return False
        if not (type(p84) is int): return False
        if p84 < 0: return False
        p85 = i82.get('end', _ABSENT)
        if p85 is _ABSENT: return False
        if not (type(p85) is int): return False
        if p85 < 0: return False
    p86 = v0.get('warnings', _ABSENT)
    if p86 is _ABSENT: return False
    if not (type(p86) is list): return False
    for i87 in p86:
        pass
        if not (type(i87) is dict): return False
        if len(i87) != 2: return False
        p88 = i87.get('code', _ABSENT)
        if p88 is _ABSENT: return False
        if not (type(p88) is str): return False
        p89 = i87.get('message', _ABSENT)
        if p89 is _ABSENT: return False
        if not (type(p89) is str): return False
    p90 = v0.get('review', _ABSENT)
    if p90 is _ABSENT: return False
    if not (type(p90) is dict or p90 is None): return False
    if p90 is not None:
        pass
        if len(p90) != 6: return False
        p91 = p90.get('parts', _ABSENT)
        if p91 is _ABSENT: return False
        if not (type(p91) is list): return False
        for i92 in p91:
            pass
            if not (type(i92) is str): return False
            if (type(i92), i92) not in _c93: return False
        p94 = p90.get('verdict', _ABSENT)
        if p94 is _ABSENT: return False
        if not (type(p94) is str or p94 is None): return False
        if (type(p94), p94) not in _c95: return False
        if p94 is not None:
            pass
        p96 = p90.get('annotators', _ABSENT)
        if p96 is _ABSENT: return False
        if not (type(p96) is list): return False
        for i97 in p96:
            pass
            if not (type(i97) is str): return False
        p98 = p90.get('annotation_ids', _ABSENT)
        if p98 is _ABSENT: return False
        if not (type(p98) is list): return False
        for i99 in p98:
            pass
            if not (type(i99) is int): return False
        p100 = p90.get('task_id', _ABSENT)
        if p100 is _ABSENT: return False
        if not (type(p100) is int or p100 is None): return False
        if p100 is not None:
            pass
        p101 = p90.get('reviewed_at', _ABSENT)
        if p101 is _ABSENT: return False
        if not (type(p101) is str or p101 is None): return False
        if p101 is not None:
            pass
    p102 = v0.get('source_text', _ABSENT)
    if p102 is _ABSENT: return False
    if not (type(p102) is str): return False
    return True
