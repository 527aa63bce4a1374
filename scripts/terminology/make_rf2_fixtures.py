#!/usr/bin/env python3
"""Writes the small SNOMED CT RF2 fixtures of Tests/TerminologyMapTests/Fixtures (International, US, AU).

Usage: python3 scripts/terminology/make_rf2_fixtures.py Tests/TerminologyMapTests/Fixtures
All descriptions and ids are ours (concept ids are real SNOMED CT ids of well-known concepts; description,
relationship and the invented concept ids are made up with valid Verhoeff check digits). Map member ids are
UUIDv5 of fixed strings, so the output is deterministic."""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lexicons"))
from codecheck import verhoeff_ok, _D, _P
INV=[0,4,3,2,1,5,6,7,8,9]
def check_digit(num):
    c=0
    for i,ch in enumerate(reversed(num)):
        c=_D[c][_P[(i+1)%8][int(ch)]]
    return str(INV[c])
def sid(seq, part):
    base=f"{seq}{part}"; d=base+check_digit(base); assert verhoeff_ok(d); return d
for c in ["44054006","59621000","13445001"]: assert verhoeff_ok(c)
root=sys.argv[1]
INT="900000000000207008"
US_MOD="731000124108"
AU_MOD="32506021000036107"
FSN="900000000000003001"; SYN="900000000000013009"
CI="900000000000448009"; CS="900000000000017005"; IC="900000000000020002"
PREF="900000000000548007"; ACC="900000000000549004"
US="900000000000509007"; GB="900000000000508004"; AU="32570271000036106"
ISA="116680003"
concepts=[("138875005","20020131",1),("404684003","20020131",1),("64572001","20020131",1),("73211009","20020131",1),
("44054006","20020131",1),("38341003","20020131",1),("59621000","20020131",1),("84114007","20020131",1),("42343007","20020131",1),
("271737000","20020131",1),("13445001","20020131",1),("123037004","20020131",1),("80891009","20020131",1),("230572002","20020131",1),
(sid(9100001,"00"),"20020131",1),(sid(9100001,"00"),"20150731",0)]  # an invented concept, later retired
inactive=sid(9100001,"00")
desc=[]  # id, et, active, concept, type, term, cs, refsets[(refset, acc)]
n=[5000000]
def d(concept, typ, term, cs=CI, refs=((US,PREF),(GB,PREF)), et="20020131", active=1, did=None):
    if did is None:
        n[0]+=1; did=sid(n[0],"11" if False else "01") if False else sid(n[0],"10")[:0] or sid(n[0],"11")[:0] or sid(n[0],"01")
    desc.append((did,et,active,concept,typ,term,cs,refs)); return did
d("138875005",FSN,"SNOMED CT Concept (SNOMED RT+CTV3)",CS); d("138875005",SYN,"SNOMED CT Concept",CS)
d("404684003",FSN,"Clinical finding (finding)"); d("404684003",SYN,"Clinical finding")
d("64572001",FSN,"Disease (disorder)"); d("64572001",SYN,"Disease")
d("73211009",FSN,"Diabetes mellitus (disorder)"); d("73211009",SYN,"Diabetes mellitus"); d("73211009",SYN,"DM - Diabetes mellitus",IC,((US,ACC),(GB,ACC)))
d("44054006",FSN,"Diabetes mellitus type 2 (disorder)"); d("44054006",SYN,"Type 2 diabetes mellitus"); d("44054006",SYN,"Type II diabetes mellitus",CI,((US,ACC),(GB,ACC)))
d("38341003",FSN,"Hypertensive disorder, systemic arterial (disorder)"); d("38341003",SYN,"Hypertensive disorder"); d("38341003",SYN,"High blood pressure",CI,((US,ACC),(GB,ACC)))
x=d("59621000",FSN,"Essential hypertension (disorder)"); 
eh=d("59621000",SYN,"Essential hypertension - old wording",CI,((US,PREF),(GB,PREF)),et="20020131")
# superseded: same description id, later row with the current wording
desc.append((eh,"20180731",1,"59621000",SYN,"Essential hypertension",CI,((US,PREF),(GB,PREF))))
d("59621000",SYN,"Primary hypertension",CI,((US,ACC),(GB,ACC)))
d("59621000",SYN,"Idiopathic hypertension",CI,((US,ACC),(GB,ACC)),et="20170731",active=0)  # inactive description
d("84114007",FSN,"Heart failure (disorder)"); d("84114007",SYN,"Heart failure"); d("84114007",SYN,"Cardiac failure",CI,((US,ACC),(GB,ACC)))
d("42343007",FSN,"Congestive heart failure (disorder)"); d("42343007",SYN,"Congestive heart failure"); d("42343007",SYN,"CHF - Congestive heart failure",CS,((US,ACC),(GB,ACC)))
d("271737000",FSN,"Anemia (disorder)",CI,((US,PREF),(GB,PREF)))
d("271737000",SYN,"Anemia",CI,((US,PREF),))
d("271737000",SYN,"Anaemia",CI,((GB,PREF),))
d("13445001",FSN,"Ménière's disease (disorder)"); d("13445001",SYN,"Ménière's disease"); d("13445001",SYN,"Meniere's disease",CI,((US,ACC),(GB,ACC)))
d("123037004",FSN,"Body structure (body structure)"); d("123037004",SYN,"Body structure")
d("80891009",FSN,"Heart structure (body structure)"); d("80891009",SYN,"Heart structure"); d("80891009",SYN,"Cardiac structure",CI,((US,ACC),(GB,ACC)))
d("230572002",FSN,"Neuropathy due to diabetes mellitus (disorder)"); d("230572002",SYN,"Diabetic neuropathy")
d(inactive,FSN,"Retired test concept (disorder)"); d(inactive,SYN,"Retired test concept")
rels=[("404684003","138875005"),("64572001","404684003"),("73211009","64572001"),("44054006","73211009"),("38341003","64572001"),
("59621000","38341003"),("84114007","64572001"),("42343007","84114007"),("271737000","64572001"),("13445001","64572001"),
("123037004","138875005"),("80891009","123037004"),("230572002","73211009")]
def w(path, header, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path,"w",encoding="utf-8",newline="") as f:
        f.write("\t".join(header)+"\r\n")
        for r in rows: f.write("\t".join(r)+"\r\n")
base=os.path.join(root,"snomed-int","SnomedCT_InternationalRF2_PRODUCTION_20250101T120000Z","Snapshot")
w(f"{base}/Terminology/sct2_Concept_Snapshot_INT_20250101.txt",["id","effectiveTime","active","moduleId","definitionStatusId"],
  [(c,et,str(a),INT,"900000000000074008") for c,et,a in concepts])
w(f"{base}/Terminology/sct2_Description_Snapshot-en_INT_20250101.txt",["id","effectiveTime","active","moduleId","conceptId","languageCode","typeId","term","caseSignificanceId"],
  [(i,et,str(a),INT,c,"en",t,term,cs) for i,et,a,c,t,term,cs,_ in desc])
rid=[7000000]
relrows=[]
for s,dd in rels:
    rid[0]+=1; relrows.append((sid(rid[0],"02"),"20020131","1",INT,s,dd,"0",ISA,"900000000000011006","900000000000451002"))
rid[0]+=1; relrows.append((sid(rid[0],"02"),"20020131","0",INT,"84114007","80891009","0",ISA,"900000000000011006","900000000000451002"))  # inactive is-a
rid[0]+=1; relrows.append((sid(rid[0],"02"),"20020131","1",INT,"84114007","80891009","1","363698007","900000000000011006","900000000000451002"))  # finding site, not is-a
w(f"{base}/Terminology/sct2_Relationship_Snapshot_INT_20250101.txt",["id","effectiveTime","active","moduleId","sourceId","destinationId","relationshipGroup","typeId","characteristicTypeId","modifierId"],relrows)
import uuid
lang=[]
seen=set()
for i,et,a,c,t,term,cs,refs in desc:
    for rs,acc in refs:
        if (i,rs) in seen: continue
        seen.add((i,rs))
        lang.append((str(uuid.uuid5(uuid.NAMESPACE_OID,i+rs)),"20020131","1",INT,rs,i,acc))
w(f"{base}/Refset/Language/der2_cRefset_LanguageSnapshot-en_INT_20250101.txt",["id","effectiveTime","active","moduleId","refsetId","referencedComponentId","acceptabilityId"],lang)
# US edition: extended map to ICD-10-CM
ubase=os.path.join(root,"snomed-us","SnomedCT_ManagedServiceUS_PRODUCTION_US1000124_20250301T120000Z","Snapshot")
w(f"{ubase}/Terminology/sct2_Concept_Snapshot_US1000124_20250301.txt",["id","effectiveTime","active","moduleId","definitionStatusId"],
  [(c,et,str(a),INT,"900000000000074008") for c,et,a in concepts])
w(f"{ubase}/Terminology/sct2_Description_Snapshot-en_US1000124_20250301.txt",["id","effectiveTime","active","moduleId","conceptId","languageCode","typeId","term","caseSignificanceId"],
  [(i,et,str(a),INT,c,"en",t,term,cs) for i,et,a,c,t,term,cs,_ in desc])
w(f"{ubase}/Refset/Language/der2_cRefset_LanguageSnapshot-en_US1000124_20250301.txt",["id","effectiveTime","active","moduleId","refsetId","referencedComponentId","acceptabilityId"],[r for r in lang if r[4]==US])
M="6011000124106"
maps=[("44054006","1","1","TRUE","ALWAYS E11.9","E11.9"),("59621000","1","1","TRUE","ALWAYS I10","I10"),
("13445001","1","1","TRUE","ALWAYS H81.09 | CONSIDER LATERALITY SPECIFICATION","H81.09"),
("42343007","1","1","TRUE","ALWAYS I50.9","I50.9"),
("230572002","1","1","IFA 44054006 | Diabetes mellitus type 2 (disorder) |","IF DIABETES MELLITUS TYPE 2 CHOOSE E11.40 | MAP OF SOURCE CONCEPT IS CONTEXT DEPENDENT","E11.40"),
("230572002","1","2","OTHERWISE TRUE","ALWAYS E13.40","E13.40")]
maprows=[(str(uuid.uuid5(uuid.NAMESPACE_OID,"m"+c+g+p)),"20250301","1",US_MOD,M,c,g,p,rule,adv,t,"447561005","447637006") for c,g,p,rule,adv,t in maps]
maprows.append((str(uuid.uuid5(uuid.NAMESPACE_OID,"inactive-map")),"20250301","0",US_MOD,M,"84114007","1","1","TRUE","ALWAYS I50.20","I50.20","447561005","447637006"))
w(f"{ubase}/Refset/Map/der2_iisssciRefset_ExtendedMapSnapshot_US1000124_20250301.txt",["id","effectiveTime","active","moduleId","refsetId","referencedComponentId","mapGroup","mapPriority","mapRule","mapAdvice","mapTarget","correlationId","mapCategoryId"],maprows)
# AU edition: AU dialect refset, AU module
abase=os.path.join(root,"snomed-au","SnomedCT_Release_AU1000036_20250531","RF2Release","Snapshot")
w(f"{abase}/Terminology/sct2_Concept_Snapshot_AU1000036_20250531.txt",["id","effectiveTime","active","moduleId","definitionStatusId"],
  [(c,et,str(a),INT,"900000000000074008") for c,et,a in concepts if c in ("138875005","404684003","64572001","271737000")])
au_desc=[r for r in desc if r[3] in ("138875005","404684003","64572001","271737000")]
w(f"{abase}/Terminology/sct2_Description_Snapshot-en-AU_AU1000036_20250531.txt",["id","effectiveTime","active","moduleId","conceptId","languageCode","typeId","term","caseSignificanceId"],
  [(i,et,str(a),INT,c,"en",t,term,cs) for i,et,a,c,t,term,cs,_ in au_desc])
aulang=[]
for i,et,a,c,t,term,cs,refs in au_desc:
    acc = PREF if (t==FSN or term!="Anemia") else ACC
    aulang.append((str(uuid.uuid5(uuid.NAMESPACE_OID,"au"+i)),"20250531","1",AU_MOD,AU,i,acc))
w(f"{abase}/Refset/Language/der2_cRefset_LanguageSnapshot-en-AU_AU1000036_20250531.txt",["id","effectiveTime","active","moduleId","refsetId","referencedComponentId","acceptabilityId"],aulang)
print("ok", len(desc), len(lang))
