"""Generated from schema/article.schema.json by scripts/gen_checker.py: do not edit."""

import re
from typing import Any

SCHEMA_SHA256 = "b6c98b3167b82221689cc6981068b64711144f52a7bd490a1c5f512fa080cf4f"
_c1 = frozenset({'authors', 'category', 'comments_count', 'crawl_date', 'entities', 'id', 'images', 'published_date', 'published_raw', 'publisher', 'publisher_profile', 'quotes', 'related_articles', 'review', 'schema_version', 'sections', 'source', 'source_text', 'spans', 'tags', 'text', 'title', 'topics', 'warnings'})
_c3 = re.compile('^nb-[0-9a-f]{20}$').search
_c5 = re.compile('^[0-9]+\\.[0-9]+\\.[0-9]+$').search
_c7 = frozenset({'encoding', 'format', 'length', 'offset', 'path', 'sha256'})
_c10 = re.compile('^[0-9a-f]{64}$').search
_c14 = frozenset({(str, 'tar'), (str, 'tar+gz'), (str, 'tar.gz'), (str, 'tar.gz+gz'), (str, 'txt'), (str, 'txt.gz')})
_c16 = frozenset({(str, 'cp1252'), (str, 'latin-1'), (str, 'utf-8')})
_c18 = re.compile('^[0-9]{4}-[0-9]{2}-[0-9]{2}$').search
_c26 = re.compile('^[0-9]{4}-[0-9]{2}-[0-9]{2}$').search
_c29 = frozenset({'caption', 'credit', 'url'})
_c35 = frozenset({'heading', 'paragraphs'})
_c42 = frozenset({'cue', 'end', 'group', 'paragraph', 'partial', 'span', 'speaker', 'speaker_kind', 'speaker_mention', 'start', 'text'})
_c49 = frozenset({(str, 'organization'), (str, 'person'), (str, 'unnamed'), (type(None), None)})
_c51 = frozenset({'end', 'paragraph', 'start', 'text'})
_c60 = frozenset({'end', 'start'})
_c66 = frozenset({'name', 'type'})
_c71 = frozenset({'name', 'type'})
_c78 = frozenset({'source', 'summary', 'title', 'topic'})
_c84 = frozenset({'about', 'followers', 'location', 'name', 'posts', 'url', 'views'})
_c94 = frozenset({'end', 'path', 'start'})
_c100 = frozenset({'code', 'message'})
_c104 = frozenset({'annotation_ids', 'annotators', 'parts', 'reviewed_at', 'task_id', 'verdict'})
_c107 = frozenset({(str, 'quotes'), (str, 'sections')})
_c109 = frozenset({(str, 'not_article'), (str, 'ok'), (str, 'parser_failed'), (type(None), None)})


def check(v0: Any) -> bool:
    if not (type(v0) is dict): return False
    if v0.keys() != _c1: return False
    p2 = v0['id']
    if not (type(p2) is str): return False
    if _c3(p2) is None: return False
    p4 = v0['schema_version']
    if not (type(p4) is str): return False
    if _c5(p4) is None: return False
    p6 = v0['source']
    if not (type(p6) is dict): return False
    if p6.keys() != _c7: return False
    p8 = p6['path']
    if not (type(p8) is str): return False
    p9 = p6['sha256']
    if not (type(p9) is str): return False
    if _c10(p9) is None: return False
    p11 = p6['offset']
    if not (type(p11) is int): return False
    if p11 < 0: return False
    p12 = p6['length']
    if not (type(p12) is int): return False
    if p12 < 0: return False
    p13 = p6['format']
    if not (type(p13) is str): return False
    if (type(p13), p13) not in _c14: return False
    p15 = p6['encoding']
    if not (type(p15) is str): return False
    if (type(p15), p15) not in _c16: return False
    p17 = v0['crawl_date']
    if not (type(p17) is str): return False
    if _c18(p17) is None: return False
    p19 = v0['category']
    if not (type(p19) is str or p19 is None): return False
    if p19 is not None:
        pass
    p20 = v0['title']
    if not (type(p20) is str): return False
    if len(p20) < 1: return False
    p21 = v0['authors']
    if not (type(p21) is list): return False
    for i22 in p21:
        pass
        if not (type(i22) is str): return False
        if len(i22) < 1: return False
    p23 = v0['publisher']
    if not (type(p23) is str or p23 is None): return False
    if p23 is not None:
        pass
    p24 = v0['published_raw']
    if not (type(p24) is str or p24 is None): return False
    if p24 is not None:
        pass
    p25 = v0['published_date']
    if not (type(p25) is str or p25 is None): return False
    if p25 is not None:
        pass
        if _c26(p25) is None: return False
    p27 = v0['images']
    if not (type(p27) is list): return False
    for i28 in p27:
        pass
        if not (type(i28) is dict): return False
        if i28.keys() != _c29: return False
        p30 = i28['url']
        if not (type(p30) is str): return False
        if len(p30) < 1: return False
        p31 = i28['caption']
        if not (type(p31) is str or p31 is None): return False
        if p31 is not None:
            pass
        p32 = i28['credit']
        if not (type(p32) is str or p32 is None): return False
        if p32 is not None:
            pass
    p33 = v0['sections']
    if not (type(p33) is list): return False
    for i34 in p33:
        pass
        if not (type(i34) is dict): return False
        if i34.keys() != _c35: return False
        p36 = i34['heading']
        if not (type(p36) is str or p36 is None): return False
        if p36 is not None:
            pass
        p37 = i34['paragraphs']
        if not (type(p37) is list): return False
        for i38 in p37:
            pass
            if not (type(i38) is str): return False
            if len(i38) < 1: return False
    p39 = v0['text']
    if not (type(p39) is str): return False
    p40 = v0['quotes']
    if not (type(p40) is list): return False
    for i41 in p40:
        pass
        if not (type(i41) is dict): return False
        if i41.keys() != _c42: return False
        p43 = i41['text']
        if not (type(p43) is str): return False
        if len(p43) < 1: return False
        p44 = i41['paragraph']
        if not (type(p44) is int): return False
        if p44 < 0: return False
        p45 = i41['start']
        if not (type(p45) is int): return False
        if p45 < 0: return False
        p46 = i41['end']
        if not (type(p46) is int): return False
        if p46 < 0: return False
        p47 = i41['speaker']
        if not (type(p47) is str or p47 is None): return False
        if p47 is not None:
            pass
        p48 = i41['speaker_kind']
        if not (type(p48) is str or p48 is None): return False
        if (type(p48), p48) not in _c49: return False
        if p48 is not None:
            pass
        p50 = i41['speaker_mention']
        if not (type(p50) is dict or p50 is None): return False
        if p50 is not None:
            pass
            if p50.keys() != _c51: return False
            p52 = p50['text']
            if not (type(p52) is str): return False
            p53 = p50['paragraph']
            if not (type(p53) is int): return False
            if p53 < 0: return False
            p54 = p50['start']
            if not (type(p54) is int): return False
            if p54 < 0: return False
            p55 = p50['end']
            if not (type(p55) is int): return False
            if p55 < 0: return False
        p56 = i41['cue']
        if not (type(p56) is str or p56 is None): return False
        if p56 is not None:
            pass
        p57 = i41['group']
        if not (type(p57) is int): return False
        if p57 < 0: return False
        p58 = i41['partial']
        if not (type(p58) is bool): return False
        p59 = i41['span']
        if not (type(p59) is dict): return False
        if p59.keys() != _c60: return False
        p61 = p59['start']
        if not (type(p61) is int): return False
        if p61 < 0: return False
        p62 = p59['end']
        if not (type(p62) is int): return False
        if p62 < 0: return False
    p63 = v0['comments_count']
    if not (type(p63) is int or p63 is None): return False
    if p63 is not None:
        pass
        if p63 < 0: return False
    p64 = v0['entities']
    if not (type(p64) is list): return False
    for i65 in p64:
        pass
        if not (type(i65) is dict): return False
        if i65.keys() != _c66: return False
        p67 = i65['type']
        if not (type(p67) is str): return False
        p68 = i65['name']
        if not (type(p68) is str): return False
    p69 = v0['topics']
    if not (type(p69) is list): return False
    for i70 in p69:
        pass
        if not (type(i70) is dict): return False
        if i70.keys() != _c71: return False
        p72 = i70['type']
        if not (type(p72) is str): return False
        p73 = i70['name']
        if not (type(p73) is str): return False
    p74 = v0['tags']
    if not (type(p74) is list): return False
    for i75 in p74:
        pass
        if not (type(i75) is str): return False
        if len(i75) < 1: return False
    p76 = v0['related_articles']
    if not (type(p76) is list): return False
    for i77 in p76:
        pass
        if not (type(i77) is dict): return False
        if i77.keys() != _c78: return False
        p79 = i77['source']
        if not (type(p79) is str): return False
        p80 = i77['title']
        if not (type(p80) is str or p80 is None): return False
        if p80 is not None:
            pass
        p81 = i77['summary']
        if not (type(p81) is str or p81 is None): return False
        if p81 is not None:
            pass
        p82 = i77['topic']
        if not (type(p82) is str or p82 is None): return False
        if p82 is not None:
            pass
    p83 = v0['publisher_profile']
    if not (type(p83) is dict or p83 is None): return False
    if p83 is not None:
        pass
        if p83.keys() != _c84: return False
        p85 = p83['name']
        if not (type(p85) is str): return False
        p86 = p83['location']
        if not (type(p86) is str or p86 is None): return False
        if p86 is not None:
            pass
        p87 = p83['followers']
        if not (type(p87) is str or p87 is None): return False
        if p87 is not None:
            pass
        p88 = p83['posts']
        if not (type(p88) is str or p88 is None): return False
        if p88 is not None:
            pass
        p89 = p83['views']
        if not (type(p89) is str or p89 is None): return False
        if p89 is not None:
            pass
        p90 = p83['about']
        if not (type(p90) is str or p90 is None): return False
        if p90 is not None:
            pass
        p91 = p83['url']
        if not (type(p91) is str or p91 is None): return False
        if p91 is not None:
            pass
    p92 = v0['spans']
    if not (type(p92) is list): return False
    for i93 in p92:
        pass
        if not (type(i93) is dict): return False
        if i93.keys() != _c94: return False
        p95 = i93['path']
        if not (type(p95) is str): return False
        p96 = i93['start']
        if not (type(p96) is int): return False
        if p96 < 0: return False
        p97 = i93['end']
        if not (type(p97) is int): return False
        if p97 < 0: return False
    p98 = v0['warnings']
    if not (type(p98) is list): return False
    for i99 in p98:
        pass
        if not (type(i99) is dict): return False
        if i99.keys() != _c100: return False
        p101 = i99['code']
        if not (type(p101) is str): return False
        p102 = i99['message']
        if not (type(p102) is str): return False
    p103 = v0['review']
    if not (type(p103) is dict or p103 is None): return False
    if p103 is not None:
        pass
        if p103.keys() != _c104: return False
        p105 = p103['parts']
        if not (type(p105) is list): return False
        for i106 in p105:
            pass
            if not (type(i106) is str): return False
            if (type(i106), i106) not in _c107: return False
        p108 = p103['verdict']
        if not (type(p108) is str or p108 is None): return False
        if (type(p108), p108) not in _c109: return False
        if p108 is not None:
            pass
        p110 = p103['annotators']
        if not (type(p110) is list): return False
        for i111 in p110:
            pass
            if not (type(i111) is str): return False
        p112 = p103['annotation_ids']
        if not (type(p112) is list): return False
        for i113 in p112:
            pass
            if not (type(i113) is int): return False
        p114 = p103['task_id']
        if not (type(p114) is int or p114 is None): return False
        if p114 is not None:
            pass
        p115 = p103['reviewed_at']
        if not (type(p115) is str or p115 is None): return False
        if p115 is not None:
            pass
    p116 = v0['source_text']
    if not (type(p116) is str): return False
    return True
