import json, re, subprocess, unicodedata, collections, sys, os
# Rebuilds concepts.json and forms.<lang>.json from curated/*.txt plus the imported vocabularies (see SOURCES.md).
# Usage: DO_REPO=<git dir of DiseaseOntology/HumanDiseaseOntology> SYMP_REPO=<… SymptomOntology> \
#        DRUGBANK_REPO=<git dir holding drugbank_vocabulary.csv> DATASETS=<shared/datasets> python3 build-lexicon.py
OUT = os.path.dirname(os.path.abspath(__file__))
CURATED = os.path.join(OUT, 'curated')
DO = os.environ['DO_REPO']
SY = os.environ['SYMP_REPO']
DB = os.environ['DRUGBANK_REPO']
DATASETS = os.environ.get('DATASETS', os.path.join(OUT, '../../../../../shared/datasets'))
def git(repo, path):
    return subprocess.run(['git', '-C', repo, 'show', 'HEAD:' + path], capture_output=True, text=True, check=True).stdout

def fold(s):
    return ''.join((unicodedata.normalize('NFD', ch)[0] if ch.isalpha() else ch) for ch in s)
TOK = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
def toks(s):
    out = []
    for m in TOK.finditer(fold(s).lower().replace('’', "'")):
        t = m.group(0)
        if len(t) > 3 and t.endswith("'s"): t = t[:-2]
        out.append(t)
    return out
def key(s): return ' '.join(toks(s))

CASE_SENSITIVE = set('ms af add all ed pd ra als pe cp cf pad mi uc oa bcc cad chd hbp gad osa md amd ass cvs ppd psa sle cml cll aml tia cva pds std aids tb mdd bpd ttc dcis rls mnd hbv hcv aaa rsv sti gdm ibd ct ci icd mtx gtn ppi hrt trt nrt cbd thc ors bmr iud art pep prep od asa adt pci cgm lft hpt sob fbc cbc cxr dm sad sh pt cbt dbt cgt ecg ekg cpap tavi tavr ivf icsi iui abx doac noac ssri snri nsaid ace rrms'.split())
SKIP_LEAD = {'en': {'a', 'an', 'have', 'has', 'got'}, 'nl': {'heb', 'heeft'}}

concepts = []  # [name, kind, code]
cidx = {}
forms = {'en': {}, 'nl': {}}   # key -> [conceptIdx, flags]
def concept(name, kind, code):
    k = (name, kind)
    if k not in cidx:
        cidx[k] = len(concepts); concepts.append([name, kind, code])
    return cidx[k]
MODIFIERS = {'severe', 'mild', 'acute', 'chronic', 'sudden', 'intermittent', 'recurrent', 'persistent', 'moderate', 'bad', 'terrible', 'constant'}
def add(lang, form, ci, curated):
    k = key(form)
    if not curated:
        t0 = k.split(' ', 1)
        if len(t0) == 2 and t0[0] in MODIFIERS and t0[1] in curated_by_form: ci = curated_by_form[t0[1]]
    if not k: return False
    if k in forms[lang]: return False
    t = k.split(' ')
    flags = ''
    if len(t) == 1 and k in CASE_SENSITIVE: flags = 'C'
    if not curated and len(t) == 1 and form.isupper() and len(form) >= 3: flags = 'C'
    skip = 1 if (len(t) > 1 and t[0] in SKIP_LEAD[lang]) else 0
    entry = [ci]
    if flags: entry.append(form.upper() if flags == 'C' and form.islower() else form)
    elif skip: entry.append(skip)
    forms[lang][k] = entry
    return True

curated_forms = {'en': set(), 'nl': set()}
curated_by_form = {}
n_cur = 0
for f in ['conditions', 'symptoms', 'medications', 'procedures']:
    for line in open(os.path.join(CURATED, f + '.txt')):
        line = line.rstrip('\n')
        if not line: continue
        name, kind, code, en, nl = line.split('|')
        ci = concept(name, {'c': 'condition', 's': 'symptom', 'm': 'medication', 'p': 'procedure'}[kind], None if code in ('-', 'SNOMED:-') else code)
        for lang, fl in (('en', en), ('nl', nl)):
            for fm in fl.split(';'):
                if not fm: continue
                if add(lang, fm, ci, True): n_cur += 1
                curated_forms[lang].add(key(fm)); curated_by_form[key(fm)] = ci
        # the canonical name is a form too
        for lang in ('en', 'nl'):
            pass
        add('en', name, ci, True); curated_forms['en'].add(key(name)); curated_by_form.setdefault(key(name), ci)
n_curated_concepts = len(concepts)
print('curated concepts', len(concepts), 'forms', sum(len(v) for v in forms.values()))

# --- common words in general chat (not health): single-token generated forms seen often there are ambiguous
df = collections.Counter()
for ds in ['sms_spam', 'hatecheck', 'openai_moderation', 'reddit_advice', 'presidio_synth_pii']:
    for l in open(os.path.join(DATASETS, ds, 'dev.jsonl')):
        df.update(set(toks(json.loads(l)['text'])))
COMMON = {w for w, c in df.items() if c >= 3}
EXTRA_STOP = set('garlic clove cloves ginger cinnamon onion lemon chocolate egg wheat peanut soy corn rice apple banana orange tomato potato carrot grape cranberry blueberry strawberry pepper mustard vinegar creatinine creatine cholesterol bilirubin albumin hemoglobin haemoglobin glycine caffeine cocoa menthol camphor lavender peppermint chamomile aloe yeast barley oats olive coconut sunflower sesame almond walnut cherry melon disease syndrome disorder infection cancer carcinoma tumor neoplasm lesion injury pain water oxygen alcohol sugar salt iron zinc honey coffee tea milk caffeine nicotine carbon nitrogen sodium potassium calcium magnesium chloride gold silver copper lead mercury glucose fructose sucrose ethanol vitamin protein fat ash sulfur helium urea starch gelatin talc wax oil air fire acid base tar hormone serum plasma blood'.split())
def generated_ok(k):
    t = k.split(' ')
    if len(t) == 1:
        w = t[0]
        if len(w) < 5 or w in COMMON or w in EXTRA_STOP: return False
        if re.fullmatch(r'[\d\W]+', w): return False
    if len(k) > 60 or k in ('baking soda', 'sodium bicarbonate', 'table salt', 'sea salt', 'apple cider vinegar', 'green tea', 'black tea', 'fish oil'): return False
    if re.search(r'\d{3,}|[(\[,;]', k): return False
    return True

# --- Human Disease Ontology (CC0)
labels = {}
for row in git(DO, 'DOreports/HumanDO.tsv').splitlines()[1:]:
    p = row.split('\t')
    if len(p) >= 2: labels[p[0].strip('"')] = p[1].strip('"')
xref = collections.defaultdict(list)
for row in git(DO, 'DOreports/allXREFinDO.tsv').splitlines()[1:]:
    p = [x.strip('"') for x in row.split('\t')]
    if len(p) >= 3: xref[p[0]].append(p[2])
syn = collections.defaultdict(set)
subsets = [l for l in subprocess.run(['git', '-C', DO, 'ls-tree', '-r', '--name-only', 'HEAD', 'src/ontology/subsets/'], capture_output=True, text=True).stdout.split() if l.endswith('.obo')]
for path in subsets:
    cur = None
    for line in git(DO, path).splitlines():
        if line.startswith('id: '): cur = line[4:].strip()
        elif line.startswith('synonym: ') and cur and (' EXACT' in line):
            m = re.match(r'synonym: "(.*?)"', line)
            if m: syn[cur].add(m.group(1))
def code_for(d):
    xs = xref.get(d, [])
    for pre, out in (('ICD10CM:', 'ICD10:'), ('MESH:', 'MeSH:'), ('SNOMEDCT_US', 'SNOMED:')):
        for x in xs:
            if x.startswith(pre): return out + x.split(':', 1)[1]
    return d
def canon(label):
    s = label.lower().replace("'s ", ' ').replace("’s ", ' ')
    return re.sub(r"'s$", '', s)
n_do = 0
for d, label in labels.items():
    k = key(label)
    if not generated_ok(k) and k not in curated_by_form: continue
    ci = curated_by_form.get(k)
    if ci is None: ci = concept(canon(label), 'condition', code_for(d))
    for fm in [label, *syn.get(d, ())]:
        kk = key(fm)
        if kk in curated_forms['en'] or not generated_ok(kk): continue
        if add('en', fm, ci, False): n_do += 1
print('DO forms', n_do)

# --- Symptom Ontology (CC0)
n_sy = 0; cur = None; name = None; syns = []
def flush():
    global n_sy
    if not cur or not name: return
    k = key(name)
    if not generated_ok(k) and k not in curated_by_form: return
    ci = curated_by_form.get(k)
    if ci is None: ci = concept(canon(name), 'symptom', cur)
    for fm in [name, *syns]:
        kk = key(fm)
        if kk in curated_forms['en'] or not generated_ok(kk): continue
        if add('en', fm, ci, False): n_sy += 1
obsolete = False
for line in git(SY, 'src/ontology/symp.obo').splitlines() + ['[Term]']:
    if line.startswith('[Term]') or line.startswith('[Typedef]'):
        if not obsolete: flush()
        cur = None; name = None; syns = []; obsolete = False
    elif line.startswith('id: '): cur = line[4:].strip() if line[4:].startswith('SYMP:') else None
    elif line.startswith('name: '): name = line[6:].strip()
    elif line.startswith('is_obsolete: true'): obsolete = True
    elif line.startswith('synonym: ') and ' EXACT' in line:
        m = re.match(r'synonym: "(.*?)"', line)
        if m: syns.append(m.group(1))
print('SYMP forms', n_sy)

# --- DrugBank open vocabulary (CC0): names and synonyms, in both languages; Dutch INN spellings derived
import csv, io
def dutch(w):
    out = set()
    if len(w) < 6 or ' ' in w: return out
    v = w
    if v.endswith('in') and not v.endswith('ein'): out.add(v + 'e')
    if v.endswith('ole'): out.add(v[:-1])
    if v.endswith('one') and not v.endswith('zone'): out.add(v[:-1])
    if v.endswith('ate'): out.add(v[:-3] + 'aat')
    if 'ph' in v: out |= {x.replace('ph', 'f') for x in (out | {v})}
    return out
n_db = 0
rows = csv.reader(io.StringIO(git(DB, 'drugbank_vocabulary.csv')))
next(rows)
for r in rows:
    dbid, _, common, _, _, synonyms = r[:6]
    k = key(common)
    ci = curated_by_form.get(k)
    if ci is None:
        if not generated_ok(k): continue
        ci = concept(common.lower(), 'medication', 'DrugBank:' + dbid)
    cand = [common] + [s.strip() for s in synonyms.split('|') if s.strip()]
    for fm in cand:
        kk = key(fm)
        if not generated_ok(kk) or re.search(r'\d', kk) and len(kk.split()) == 1 and len(kk) < 6: continue
        for lang in ('en', 'nl'):
            if kk in curated_forms[lang]: continue
            if add(lang, fm, ci, False): n_db += 1
        for v in dutch(kk):
            if v not in curated_forms['nl'] and generated_ok(v) and add('nl', v, ci, False): n_db += 1
print('DrugBank forms', n_db)

# --- compact output: concepts as parallel arrays; forms as "key\tidx[\textra]" lines
kinds = {'condition': 'c', 'medication': 'm', 'procedure': 'p', 'symptom': 's'}
json.dump({'curated': n_curated_concepts, 'names': [c[0] for c in concepts], 'kinds': ''.join(kinds[c[1]] for c in concepts),
           'codes': [c[2] or '' for c in concepts]}, open(f'{OUT}/concepts.json', 'w'), ensure_ascii=False, separators=(',', ':'))
for lang in ('en', 'nl'):
    lines = ['\t'.join([k, *map(str, v)]) for k, v in sorted(forms[lang].items())]
    json.dump({'lang': lang, 'forms': '\n'.join(lines)}, open(f'{OUT}/forms.{lang}.json', 'w'), ensure_ascii=False, separators=(',', ':'))
    print(lang, 'forms', len(lines))
print('concepts', len(concepts))
