"""Usage: python3 check_set.py DIR  -- consistency checks for NAME.txt / NAME.gold.json pairs."""
import json,re,glob,os,sys
d=sys.argv[1]
for tp in sorted(glob.glob(os.path.join(d,'*.txt'))):
    n=os.path.basename(tp)[:-4]
    t=open(tp,encoding='utf-8').read()
    try: g=json.load(open(os.path.join(d,n+'.gold.json'),encoding='utf-8'))
    except Exception as e: print(n,'GOLD JSON ERROR',e); continue
    lines=t.split('\n'); prob=[]
    for k in ['id','publishedAt','yearHint','title','outlet','authors','editors','boilerplateLines','people','organizations','places','dates','achievements']:
        if k not in g: prob.append('missing key '+k)
    if g.get('id')!=n: prob.append('id')
    if lines[0]!=g.get('title'): prob.append('title != first line')
    for b in g.get('boilerplateLines',[]):
        if b not in lines: prob.append('bp not a line:'+b)
    body='\n'.join(l for l in lines if l not in g.get('boilerplateLines',[]))
    names=[p['name'] for p in g.get('people',[])]
    for a in g.get('authors',[])+g.get('editors',[]):
        if a not in t: prob.append('byline name not in text:'+a)
        if a not in names: prob.append('byline name not in people:'+a)
    for p in g.get('people',[]):
        if p['name'] not in t: prob.append('person not in text:'+p['name'])
        for r in p.get('roles',[]):
            if r not in t: prob.append('role not in text:'+r)
    for k in ['organizations','places']:
        v=g.get(k,[])
        if len(set(v))!=len(v): prob.append('duplicate in '+k)
        for o in v:
            if o not in t: prob.append(k+' not in text:'+o)
    for x in g.get('dates',[]):
        if x['text'] not in t: prob.append('date not in text:'+x['text'])
        if not re.fullmatch(r'(\d{4}-\d\d(-\d\d(T\d\d:\d\d)?)?|--\d\d-\d\d)',x['value']): prob.append('bad date value:'+x['value'])
    for a in g.get('achievements',[]):
        if a['text'] not in t: prob.append('achievement text not in text:'+a['text'])
        if not isinstance(a.get('value'),(int,float)): prob.append('achievement value not a number:'+a['text'])
    han=len(re.findall(r'[\u4e00-\u9fff]',t))
    print(n,'han',han,'people',len(g.get('people',[])),'orgs',len(g.get('organizations',[])),'places',len(g.get('places',[])),'dates',len(g.get('dates',[])),'ach',len(g.get('achievements',[])),'PROBLEMS:' if prob else 'ok',prob)
