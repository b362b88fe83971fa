<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="gd" sourcelanguage="en_GB">
  <context>
    <name>kiosk</name>
    <message>
      <source>A little</source>
      <translation type="unfinished">Beagan</translation>
    </message>
    <message>
      <source>A lot</source>
      <translation type="unfinished">Gu mòr</translation>
    </message>
    <message>
      <source>About you</source>
      <translation type="unfinished">Mur deidhinn fhèin</translation>
    </message>
    <message>
      <source>Acas</source>
      <translation type="unfinished">Acas</translation>
    </message>
    <message>
      <source>Address</source>
      <translation type="unfinished">Seòladh</translation>
    </message>
    <message>
      <source>Address line 1</source>
      <translation type="unfinished">Loidhne 1 an t-seòlaidh</translation>
    </message>
    <message>
      <source>Address line 2 (optional)</source>
      <translation type="unfinished">Loidhne 2 an t-seòlaidh (roghainneil)</translation>
    </message>
    <message>
      <source>Ask you to fill in a survey</source>
      <translation type="unfinished">Iarraidh oirbh suirbhidh a lìonadh</translation>
    </message>
    <message>
      <source>Benefits</source>
      <translation type="unfinished">Sochairean</translation>
    </message>
    <message>
      <source>Both equally</source>
      <translation type="unfinished">An dà chuid co-ionann</translation>
    </message>
    <message>
      <source>Budgeting, debts and money worries</source>
      <translation type="unfinished">Buidseatadh, fiachan agus dragh mu airgead</translation>
    </message>
    <message>
      <source>Business Gateway (COSLA)</source>
      <translation type="unfinished">Business Gateway (COSLA)</translation>
    </message>
    <message>
      <source>By phone or email, a few times over the next months.</source>
      <translation type="unfinished">Air a’ fòn no air post-d, beagan thursan anns na mìosan ri teachd.</translation>
    </message>
    <message>
      <source>Can SDS keep your details so an adviser can help you?</source>
      <translation type="unfinished">Am faod SDS ur fiosrachadh a chumail gus an urrainn do chomhairliche ur cuideachadh?</translation>
    </message>
    <message>
      <source>Can we ask you to fill in a short survey about our help?</source>
      <translation type="unfinished">Am faod sinn iarraidh oirbh suirbhidh ghoirid a lìonadh mun chuideachadh againn?</translation>
    </message>
    <message>
      <source>Can we contact you later to see how you are getting on?</source>
      <translation type="unfinished">Am faod sinn fios a chur thugaibh nas fhaide air adhart, a dh’fhaighinn a-mach ciamar a tha dol dhuibh?</translation>
    </message>
    <message>
      <source>Can we use your answers, without your name, in statistics?</source>
      <translation type="unfinished">Am faod sinn ur freagairtean a chleachdadh ann an staitistearachd, gun ur n-ainm?</translation>
    </message>
    <message>
      <source>Career development</source>
      <translation type="unfinished">Leasachadh dreuchd</translation>
    </message>
    <message>
      <source>Check the year of your date of birth</source>
      <translation type="unfinished">Thoiribh sùil air bliadhna ur ceann-latha breith</translation>
    </message>
    <message>
      <source>Check your answers</source>
      <translation type="unfinished">Thoiribh sùil air ur freagairtean</translation>
    </message>
    <message>
      <source>Check your answers before sending them</source>
      <translation type="unfinished">Thoiribh sùil air ur freagairtean mus cuir sibh iad</translation>
    </message>
    <message>
      <source>Check your date of birth: it makes you over 80. If it is right, select Continue again</source>
      <translation type="unfinished">Thoiribh sùil air ur ceann-latha breith: a rèir seo tha sibh thairis air 80. Ma tha e ceart, taghaibh “Lean air adhart” a-rithist</translation>
    </message>
    <message>
      <source>Check your date of birth: it makes you under 16. If it is right, select Continue again</source>
      <translation type="unfinished">Thoiribh sùil air ur ceann-latha breith: a rèir seo tha sibh fo 16. Ma tha e ceart, taghaibh “Lean air adhart” a-rithist</translation>
    </message>
    <message>
      <source>Choose yes or no for each organisation. Saying no does not change the help you get.</source>
      <translation type="unfinished">Taghaibh “Tha” no “Chan eil” airson gach buidheann. Ma chanas sibh “Chan eil”, chan atharraich sin an cuideachadh a gheibh sibh.</translation>
    </message>
    <message>
      <source>Choose yes or no for each. Saying no does not change the help you get from SDS.</source>
      <translation type="unfinished">Taghaibh “Tha” no “Chan eil” airson gach ceist. Ma chanas sibh “Chan eil”, chan atharraich sin an cuideachadh a gheibh sibh bho SDS.</translation>
    </message>
    <message>
      <source>Citizens Advice Scotland</source>
      <translation type="unfinished">Citizens Advice Scotland</translation>
    </message>
    <message>
      <source>College or university (HNC, HND, degree) or Advanced Higher</source>
      <translation type="unfinished">Colaiste no oilthigh (HNC, HND, ceum) no Àrd Ìre Adhartach</translation>
    </message>
    <message>
      <source>Colleges Scotland</source>
      <translation type="unfinished">Colleges Scotland</translation>
    </message>
    <message>
      <source>Contact details</source>
      <translation type="unfinished">Fiosrachadh conaltraidh</translation>
    </message>
    <message>
      <source>Contact you later</source>
      <translation type="unfinished">Fios a chur thugaibh a-rithist</translation>
    </message>
    <message>
      <source>Coping with stress</source>
      <translation type="unfinished">A’ dèiligeadh ri cuideam</translation>
    </message>
    <message>
      <source>Core skills</source>
      <translation type="unfinished">Sgilean bunaiteach</translation>
    </message>
    <message>
      <source>Date of birth</source>
      <translation type="unfinished">Ceann-latha breith</translation>
    </message>
    <message>
      <source>Date of birth must be in the past</source>
      <translation type="unfinished">Feumaidh an ceann-latha breith a bhith san àm a dh’fhalbh</translation>
    </message>
    <message>
      <source>Dealing with the stress of losing your job</source>
      <translation type="unfinished">A’ dèiligeadh ris a’ chuideam a thig an cois call obrach</translation>
    </message>
    <message>
      <source>Department for Work and Pensions (Jobcentre Plus)</source>
      <translation type="unfinished">Department for Work and Pensions (Jobcentre Plus)</translation>
    </message>
    <message>
      <source>Do any children under 18 who depend on you live with you?</source>
      <translation type="unfinished">A bheil clann fo 18 a tha an urra ribh a’ fuireach còmhla ribh?</translation>
    </message>
    <message>
      <source>Do you have a car or van you can use?</source>
      <translation type="unfinished">A bheil càr no bhan agaibh as urrainn dhuibh a chleachdadh?</translation>
    </message>
    <message>
      <source>Do you have a disability or a health condition that has lasted, or will last, a year or more?</source>
      <translation type="unfinished">A bheil ciorram no tinneas agaibh a mhair, no a mhaireas, bliadhna no barrachd?</translation>
    </message>
    <message>
      <source>Do you have a full driving licence with no points on it?</source>
      <translation type="unfinished">A bheil cead-dràibhidh slàn agaibh gun phuingean air?</translation>
    </message>
    <message>
      <source>Do you think you will have a job in the next three months?</source>
      <translation type="unfinished">A bheil sibh a’ smaoineachadh gum bi obair agaibh anns na trì mìosan ri teachd?</translation>
    </message>
    <message>
      <source>Does how you feel in your mind, like stress or low mood, make it harder for you to work?</source>
      <translation type="unfinished">A bheil mar a tha sibh a’ faireachdainn nur n-inntinn, leithid cuideam no trom-inntinn, ga dhèanamh nas duilghe dhuibh obrachadh?</translation>
    </message>
    <message>
      <source>Does your physical health make it harder for you to work?</source>
      <translation type="unfinished">A bheil ur slàinte chorporra ga dhèanamh nas duilghe dhuibh obrachadh?</translation>
    </message>
    <message>
      <source>Email address (optional)</source>
      <translation type="unfinished">Seòladh post-d (roghainneil)</translation>
    </message>
    <message>
      <source>Employability advice</source>
      <translation type="unfinished">Comhairle cosnaidh</translation>
    </message>
    <message>
      <source>Enter a National Insurance number like AB 12 34 56 C</source>
      <translation type="unfinished">Cuiribh a-steach àireamh Àrachais Nàiseanta mar AB 12 34 56 C</translation>
    </message>
    <message>
      <source>Enter a UK phone number like 07700 900123 or 0131 496 0000</source>
      <translation type="unfinished">Cuiribh a-steach àireamh fòn san RA mar 07700 900123 no 0131 496 0000</translation>
    </message>
    <message>
      <source>Enter a UK postcode like EH1 1AA</source>
      <translation type="unfinished">Cuiribh a-steach còd-puist san RA mar EH1 1AA</translation>
    </message>
    <message>
      <source>Enter a number of years between 0 and 70</source>
      <translation type="unfinished">Cuiribh a-steach àireamh de bhliadhnaichean eadar 0 agus 70</translation>
    </message>
    <message>
      <source>Enter an email address like name@example.com</source>
      <translation type="unfinished">Cuiribh a-steach seòladh post-d mar name@example.com</translation>
    </message>
    <message>
      <source>Enter the number of years in numbers, like 6</source>
      <translation type="unfinished">Cuiribh a-steach an àireamh de bhliadhnaichean ann am figearan, mar 6</translation>
    </message>
    <message>
      <source>Enter your date of birth</source>
      <translation type="unfinished">Cuiribh a-steach ur ceann-latha breith</translation>
    </message>
    <message>
      <source>Enter your first name</source>
      <translation type="unfinished">Cuiribh a-steach ur ciad ainm</translation>
    </message>
    <message>
      <source>Enter your last name</source>
      <translation type="unfinished">Cuiribh a-steach ur sloinneadh</translation>
    </message>
    <message>
      <source>Everyday skills such as using a computer or working with others</source>
      <translation type="unfinished">Sgilean làitheil, leithid coimpiutair a chleachdadh no obrachadh còmhla ri daoine eile</translation>
    </message>
    <message>
      <source>Family or friends, but not a partner</source>
      <translation type="unfinished">Teaghlach no caraidean, ach chan e com-pàirtiche</translation>
    </message>
    <message>
      <source>Finding work</source>
      <translation type="unfinished">A’ lorg obair</translation>
    </message>
    <message>
      <source>First name</source>
      <translation type="unfinished">Ciad ainm</translation>
    </message>
    <message>
      <source>For example, 07700 900123</source>
      <translation type="unfinished">Mar eisimpleir, 07700 900123</translation>
    </message>
    <message>
      <source>For example, 27 3 1985</source>
      <translation type="unfinished">Mar eisimpleir, 27 3 1985</translation>
    </message>
    <message>
      <source>For example, 6</source>
      <translation type="unfinished">Mar eisimpleir, 6</translation>
    </message>
    <message>
      <source>For example, machine operator</source>
      <translation type="unfinished">Mar eisimpleir, obraiche innealan</translation>
    </message>
    <message>
      <source>Give at least one if you can. We only use them to help you.</source>
      <translation type="unfinished">Thoiribh seachad co-dhiù aon dhiubh mas urrainn dhuibh. Cha chleachd sinn iad ach airson ur cuideachadh.</translation>
    </message>
    <message>
      <source>HM Revenue and Customs</source>
      <translation type="unfinished">HM Revenue and Customs</translation>
    </message>
    <message>
      <source>Have you had a job interview in the last three months?</source>
      <translation type="unfinished">An robh agallamh obrach agaibh anns na trì mìosan a chaidh seachad?</translation>
    </message>
    <message>
      <source>Have you looked for a job in the last four weeks?</source>
      <translation type="unfinished">An do choimhead sibh airson obair anns na ceithir seachdainean a chaidh seachad?</translation>
    </message>
    <message>
      <source>Have you talked to or written to an employer about a job in the last three months?</source>
      <translation type="unfinished">An do bhruidhinn no an do sgrìobh sibh gu fastaiche mu obair anns na trì mìosan a chaidh seachad?</translation>
    </message>
    <message>
      <source>Help with CVs, job applications and interviews</source>
      <translation type="unfinished">Cuideachadh le CVan, iarrtasan obrach agus agallamhan</translation>
    </message>
    <message>
      <source>Help with reading, writing or numbers</source>
      <translation type="unfinished">Cuideachadh le leughadh, sgrìobhadh no àireamhan</translation>
    </message>
    <message>
      <source>Help you would like</source>
      <translation type="unfinished">An cuideachadh a bu toigh leibh</translation>
    </message>
    <message>
      <source>How can we contact you?</source>
      <translation type="unfinished">Ciamar a chuireas sinn fios thugaibh?</translation>
    </message>
    <message>
      <source>How sure do you feel that you will find work soon?</source>
      <translation type="unfinished">Dè cho cinnteach ’s a tha sibh gun lorg sibh obair a dh’aithghearr?</translation>
    </message>
    <message>
      <source>How we use your information</source>
      <translation type="unfinished">Mar a chleachdas sinn ur fiosrachadh</translation>
    </message>
    <message>
      <source>I have been given notice that my job will end</source>
      <translation type="unfinished">Fhuair mi brath gun tig m’ obair gu crìch</translation>
    </message>
    <message>
      <source>I have been told my job is at risk</source>
      <translation type="unfinished">Chaidh innse dhomh gu bheil m’ obair ann an cunnart</translation>
    </message>
    <message>
      <source>I have no qualifications</source>
      <translation type="unfinished">Chan eil teisteanas sam bith agam</translation>
    </message>
    <message>
      <source>I live on my own</source>
      <translation type="unfinished">Tha mi a’ fuireach leam fhìn</translation>
    </message>
    <message>
      <source>ICAS</source>
      <translation type="unfinished">ICAS</translation>
    </message>
    <message>
      <source>If you know it. For example, 30 6 2026</source>
      <translation type="unfinished">Ma tha fios agaibh air. Mar eisimpleir, 30 6 2026</translation>
    </message>
    <message>
      <source>Is finding a job mostly about luck, or mostly about the effort you put in?</source>
      <translation type="unfinished">A bheil lorg obrach an urra ri fortan sa mhòr-chuid, no ris an oidhirp a nì sibh?</translation>
    </message>
    <message>
      <source>It is on your payslip, P60, or letters about tax, pensions and benefits. For example, AB 12 34 56 C.</source>
      <translation type="unfinished">Tha i air ur duilleag-pàighidh, air ur P60, no air litrichean mu chìsean, peinnseanan agus sochairean. Mar eisimpleir, AB 12 34 56 C.</translation>
    </message>
    <message>
      <source>It takes about 5 minutes. You can check and change your answers before you send them.</source>
      <translation type="unfinished">Bheir e mu 5 mionaidean. Faodaidh sibh sùil a thoirt air ur freagairtean agus an atharrachadh mus cuir sibh iad.</translation>
    </message>
    <message>
      <source>Job title</source>
      <translation type="unfinished">Tiotal na h-obrach</translation>
    </message>
    <message>
      <source>Last day at work</source>
      <translation type="unfinished">An latha mu dheireadh aig an obair</translation>
    </message>
    <message>
      <source>Last day at work must be a real date, like 30 6 2026</source>
      <translation type="unfinished">Feumaidh an latha mu dheireadh aig an obair a bhith na cheann-latha ceart, mar 30 6 2026</translation>
    </message>
    <message>
      <source>Last name</source>
      <translation type="unfinished">Sloinneadh</translation>
    </message>
    <message>
      <source>Leave this blank if you do not have it with you.</source>
      <translation type="unfinished">Fàgaibh seo bàn mura bheil i agaibh an-dràsta.</translation>
    </message>
    <message>
      <source>Literacy and numeracy</source>
      <translation type="unfinished">Litearrachd agus àireamhachd</translation>
    </message>
    <message>
      <source>Local authority employability (SLAED)</source>
      <translation type="unfinished">Cosnadh bhon ùghdarras ionadail (SLAED)</translation>
    </message>
    <message>
      <source>Mental health and wellbeing</source>
      <translation type="unfinished">Slàinte inntinn agus sunnd</translation>
    </message>
    <message>
      <source>Money advice</source>
      <translation type="unfinished">Comhairle airgid</translation>
    </message>
    <message>
      <source>Mostly effort</source>
      <translation type="unfinished">Oidhirp sa mhòr-chuid</translation>
    </message>
    <message>
      <source>Mostly luck</source>
      <translation type="unfinished">Fortan sa mhòr-chuid</translation>
    </message>
    <message>
      <source>My job has already ended</source>
      <translation type="unfinished">Tha m’ obair air tighinn gu crìch mu thràth</translation>
    </message>
    <message>
      <source>My partner (husband, wife or partner)</source>
      <translation type="unfinished">Mo chèile (fear-pòsta, bean-phòsta no com-pàirtiche)</translation>
    </message>
    <message>
      <source>Name</source>
      <translation type="unfinished">Ainm</translation>
    </message>
    <message>
      <source>National 4 or below, or SVQ level 1</source>
      <translation type="unfinished">Nàiseanta 4 no nas ìsle, no SVQ ìre 1</translation>
    </message>
    <message>
      <source>National 5, Higher, or SVQ level 2 or 3</source>
      <translation type="unfinished">Nàiseanta 5, Àrd Ìre, no SVQ ìre 2 no 3</translation>
    </message>
    <message>
      <source>National Insurance number</source>
      <translation type="unfinished">Àireamh Àrachais Nàiseanta</translation>
    </message>
    <message>
      <source>National Insurance number (optional)</source>
      <translation type="unfinished">Àireamh Àrachais Nàiseanta (roghainneil)</translation>
    </message>
    <message>
      <source>No</source>
      <translation type="unfinished">Chan eil</translation>
    </message>
    <message>
      <source>Not sure</source>
      <translation type="unfinished">Chan eil mi cinnteach</translation>
    </message>
    <message>
      <source>Not sure at all</source>
      <translation type="unfinished">Chan eil mi cinnteach idir</translation>
    </message>
    <message>
      <source>Not very sure</source>
      <translation type="unfinished">Chan eil mi ro chinnteach</translation>
    </message>
    <message>
      <source>One survey, by email or post. You can ignore it.</source>
      <translation type="unfinished">Aon suirbhidh, air post-d no sa phost. Faodaidh sibh a leigeil seachad.</translation>
    </message>
    <message>
      <source>Organisations we can share your details with</source>
      <translation type="unfinished">Buidhnean leis am faod sinn ur fiosrachadh a cho-roinneadh</translation>
    </message>
    <message>
      <source>Other uses of your details</source>
      <translation type="unfinished">Cleachdaidhean eile airson ur fiosrachaidh</translation>
    </message>
    <message>
      <source>PACE gives free help to people whose job is at risk because of redundancy.</source>
      <translation type="unfinished">Tha PACE a’ toirt cuideachadh an-asgaidh do dhaoine aig a bheil an obair ann an cunnart air sgàth iomarcachd.</translation>
    </message>
    <message>
      <source>Pensions</source>
      <translation type="unfinished">Peinnseanan</translation>
    </message>
    <message>
      <source>Phone number (optional)</source>
      <translation type="unfinished">Àireamh fòn (roghainneil)</translation>
    </message>
    <message>
      <source>Postcode</source>
      <translation type="unfinished">Còd-puist</translation>
    </message>
    <message>
      <source>Prefer not to say</source>
      <translation type="unfinished">B’ fheàrr leam gun a ràdh</translation>
    </message>
    <message>
      <source>Quite sure</source>
      <translation type="unfinished">Gu math cinnteach</translation>
    </message>
    <message>
      <source>Redundancy pay, notice and your rights at work</source>
      <translation type="unfinished">Pàigheadh iomarcachd, brath agus ur còraichean aig an obair</translation>
    </message>
    <message>
      <source>Register for help from PACE</source>
      <translation type="unfinished">Clàraich airson cuideachadh bho PACE</translation>
    </message>
    <message>
      <source>Remove the hidden control characters from this text</source>
      <translation type="unfinished">Thoiribh air falbh na caractaran-smachd falaichte às an teacsa seo</translation>
    </message>
    <message>
      <source>Rights and entitlements</source>
      <translation type="unfinished">Còraichean agus sochairean</translation>
    </message>
    <message>
      <source>SDS can keep your details</source>
      <translation type="unfinished">Faodaidh SDS ur fiosrachadh a chumail</translation>
    </message>
    <message>
      <source>Scottish Training Federation</source>
      <translation type="unfinished">Scottish Training Federation</translation>
    </message>
    <message>
      <source>Scottish Union Learning</source>
      <translation type="unfinished">Scottish Union Learning</translation>
    </message>
    <message>
      <source>Select all that apply. Leave them all blank if you are not sure.</source>
      <translation type="unfinished">Taghaibh a h-uile gin a tha iomchaidh. Fàgaibh iad uile bàn mura bheil sibh cinnteach.</translation>
    </message>
    <message>
      <source>Select an answer, or 'Prefer not to say'</source>
      <translation type="unfinished">Taghaibh freagairt, no “B’ fheàrr leam gun a ràdh”</translation>
    </message>
    <message>
      <source>Select from the list</source>
      <translation type="unfinished">Taghaibh às an liosta</translation>
    </message>
    <message>
      <source>Select what is happening with your job</source>
      <translation type="unfinished">Taghaibh dè tha a’ tachairt leis an obair agaibh</translation>
    </message>
    <message>
      <source>Select yes if SDS can keep your details, or no if not</source>
      <translation type="unfinished">Taghaibh “Tha” ma dh’fhaodas SDS ur fiosrachadh a chumail, no “Chan eil” mura faod</translation>
    </message>
    <message>
      <source>Select yes or no</source>
      <translation type="unfinished">Taghaibh “Tha” no “Chan eil”</translation>
    </message>
    <message>
      <source>So they can help you too, without asking you everything again.</source>
      <translation type="unfinished">Gus an urrainn dhaibh-san ur cuideachadh cuideachd, gun a h-uile càil fhaighneachd dhuibh a-rithist.</translation>
    </message>
    <message>
      <source>Something else</source>
      <translation type="unfinished">Rudeigin eile</translation>
    </message>
    <message>
      <source>Starting a business</source>
      <translation type="unfinished">A’ tòiseachadh gnìomhachas</translation>
    </message>
    <message>
      <source>Starting your own business</source>
      <translation type="unfinished">A’ tòiseachadh ur gnìomhachas fhèin</translation>
    </message>
    <message>
      <source>Support for your mental health and wellbeing</source>
      <translation type="unfinished">Taic airson ur slàinte inntinn agus ur sunnd</translation>
    </message>
    <message>
      <source>The name you like to be called (optional)</source>
      <translation type="unfinished">An t-ainm as fheàrr leibh (roghainneil)</translation>
    </message>
    <message>
      <source>This helps us plan support. Nobody can tell it is you.</source>
      <translation type="unfinished">Cuidichidh seo sinn le taic a dhealbhadh. Chan aithnich duine gur e sibhse a th’ ann.</translation>
    </message>
    <message>
      <source>This is about your health. You do not have to answer: you can choose 'Prefer not to say'.</source>
      <translation type="unfinished">Tha seo mu dheidhinn ur slàinte. Chan fheum sibh freagairt: faodaidh sibh “B’ fheàrr leam gun a ràdh” a thaghadh.</translation>
    </message>
    <message>
      <source>Town or city</source>
      <translation type="unfinished">Baile no baile-mòr</translation>
    </message>
    <message>
      <source>Training or a qualification for a particular job</source>
      <translation type="unfinished">Trèanadh no teisteanas airson obair shònraichte</translation>
    </message>
    <message>
      <source>Use your answers in statistics, without your name</source>
      <translation type="unfinished">Ur freagairtean a chleachdadh ann an staitistearachd, gun ur n-ainm</translation>
    </message>
    <message>
      <source>Very sure</source>
      <translation type="unfinished">Glè chinnteach</translation>
    </message>
    <message>
      <source>Vocational training</source>
      <translation type="unfinished">Trèanadh dreuchdail</translation>
    </message>
    <message>
      <source>We need this to help you. Without it we cannot keep your details, but you can still talk to an adviser today.</source>
      <translation type="unfinished">Feumaidh sinn seo gus ur cuideachadh. Às aonais, chan urrainn dhuinn ur fiosrachadh a chumail, ach faodaidh sibh fhathast bruidhinn ri comhairliche an-diugh.</translation>
    </message>
    <message>
      <source>We will ask about you, your job, how you feel about finding work, and what help would be useful.</source>
      <translation type="unfinished">Faighnichidh sinn mur deidhinn fhèin, mun obair agaibh, mar a tha sibh a’ faireachdainn mu bhith a’ lorg obair, agus dè an cuideachadh a bhiodh feumail.</translation>
    </message>
    <message>
      <source>Welcome</source>
      <translation type="unfinished">Fàilte</translation>
    </message>
    <message>
      <source>What else can we do with your details?</source>
      <translation type="unfinished">Dè eile as urrainn dhuinn a dhèanamh le ur fiosrachadh?</translation>
    </message>
    <message>
      <source>What happens to your pension</source>
      <translation type="unfinished">Dè thachras dhan pheinnsean agaibh</translation>
    </message>
    <message>
      <source>What help would be useful?</source>
      <translation type="unfinished">Dè an cuideachadh a bhiodh feumail?</translation>
    </message>
    <message>
      <source>What is happening with your job</source>
      <translation type="unfinished">Dè tha a’ tachairt leis an obair agaibh</translation>
    </message>
    <message>
      <source>What is happening with your job?</source>
      <translation type="unfinished">Dè tha a’ tachairt leis an obair agaibh?</translation>
    </message>
    <message>
      <source>What is the highest qualification you have?</source>
      <translation type="unfinished">Dè an teisteanas as àirde a th’ agaibh?</translation>
    </message>
    <message>
      <source>What is your National Insurance number?</source>
      <translation type="unfinished">Dè an àireamh Àrachais Nàiseanta agaibh?</translation>
    </message>
    <message>
      <source>What is your address?</source>
      <translation type="unfinished">Dè an seòladh agaibh?</translation>
    </message>
    <message>
      <source>What is your date of birth?</source>
      <translation type="unfinished">Dè an ceann-latha breith agaibh?</translation>
    </message>
    <message>
      <source>What is your job at {employer}?</source>
      <translation type="unfinished">Dè an obair a th’ agaibh aig {employer}?</translation>
    </message>
    <message>
      <source>What is your name?</source>
      <translation type="unfinished">Dè an t-ainm a th’ oirbh?</translation>
    </message>
    <message>
      <source>When is your last day at work?</source>
      <translation type="unfinished">Cuin a bhios an latha mu dheireadh agaibh aig an obair?</translation>
    </message>
    <message>
      <source>When you were growing up, until you were 16, did a parent or the person who looked after you have a paid job?</source>
      <translation type="unfinished">Nuair a bha sibh a’ fàs suas, gus an robh sibh 16, an robh obair phàighte aig pàrant no aig an neach a bha a’ coimhead às ur dèidh?</translation>
    </message>
    <message>
      <source>Which benefits you can get and how to claim them</source>
      <translation type="unfinished">Dè na sochairean a gheibh sibh agus mar a nì sibh tagradh air an son</translation>
    </message>
    <message>
      <source>Who can we share your details with?</source>
      <translation type="unfinished">Cò leis a dh’fhaodas sinn ur fiosrachadh a cho-roinneadh?</translation>
    </message>
    <message>
      <source>Who do you live with?</source>
      <translation type="unfinished">Cò leis a tha sibh a’ fuireach?</translation>
    </message>
    <message>
      <source>Working out what job or career to aim for next</source>
      <translation type="unfinished">Obrachadh a-mach dè an obair no an dreuchd a bu chòir dhuibh amas oirre</translation>
    </message>
    <message>
      <source>Year must include 4 numbers</source>
      <translation type="unfinished">Feumaidh 4 figearan a bhith sa bhliadhna</translation>
    </message>
    <message>
      <source>Years you have worked there (optional)</source>
      <translation type="unfinished">Bliadhnaichean a tha sibh air a bhith ag obair ann (roghainneil)</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation type="unfinished">Tha</translation>
    </message>
    <message>
      <source>You can leave this blank if you would rather tell an adviser.</source>
      <translation type="unfinished">Faodaidh sibh seo fhàgail bàn mas fheàrr leibh innse do chomhairliche.</translation>
    </message>
    <message>
      <source>Your choices</source>
      <translation type="unfinished">Na roghainnean agaibh</translation>
    </message>
    <message>
      <source>Your information</source>
      <translation type="unfinished">Am fiosrachadh agaibh</translation>
    </message>
    <message>
      <source>Your job</source>
      <translation type="unfinished">An obair agaibh</translation>
    </message>
    <message>
      <source>{noun} must be a real date</source>
      <translation type="unfinished">{noun}: feumaidh seo a bhith na cheann-latha ceart</translation>
    </message>
    <message>
      <source>{noun} must be a real date, in numbers</source>
      <translation type="unfinished">{noun}: feumaidh seo a bhith na cheann-latha ceart, ann am figearan</translation>
    </message>
    <message>
      <source>{noun} must include a day</source>
      <translation type="unfinished">{noun}: feumaidh latha a bhith ann</translation>
    </message>
    <message>
      <source>{noun} must include a day and month</source>
      <translation type="unfinished">{noun}: feumaidh latha agus mìos a bhith ann</translation>
    </message>
    <message>
      <source>{noun} must include a day and year</source>
      <translation type="unfinished">{noun}: feumaidh latha agus bliadhna a bhith ann</translation>
    </message>
    <message>
      <source>{noun} must include a month</source>
      <translation type="unfinished">{noun}: feumaidh mìos a bhith ann</translation>
    </message>
    <message>
      <source>{noun} must include a month and year</source>
      <translation type="unfinished">{noun}: feumaidh mìos agus bliadhna a bhith ann</translation>
    </message>
    <message>
      <source>{noun} must include a year</source>
      <translation type="unfinished">{noun}: feumaidh bliadhna a bhith ann</translation>
    </message>
  </context>
</TS>
