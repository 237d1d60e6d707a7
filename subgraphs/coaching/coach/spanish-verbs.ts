/**
 * Spanish verb morphology for the gloss (language.ts): a word not in the lexicon is read as a form of a known verb —
 * regular -ar/-er/-ir endings (present, preterite, imperfect, future, conditional, gerund, participle, the usted
 * command/subjunctive), stem changes (e→ie, o→ue, e→i) and pronouns attached to an infinitive, gerund or command
 * ("venderlos", "mándeme", "reunirnos") — and glossed with its person ("llevo" → "I take", "dejó" → "left",
 * "pensando" → "thinking"). The verbs are those of a home sale and of talking about one; a handful of irregular
 * forms are listed. A value starting with "~" is an infinitive, as in spanish-lexicon.ts.
 */

interface Verb {
  /** -ar, -er or -ir. */
  cls: 'ar' | 'er' | 'ir';
  /** English base form ("look for") and past form ("looked for"). */
  base: string;
  past: string;
  /** Pronominal verbs ("reunirse", "mudarse"): their attached me/te/se/nos is not an object. */
  reflexive: boolean;
}

/**
 * "infinitive[:change][:r]=base/past": change is ie, ue or i (the stressed stem vowel), r marks a pronominal verb.
 * Past defaults to base + "ed".
 */
const VERB_LIST = `
  llevar=take/took; traer=bring/brought; pasar=happen/happened; dejar=leave/left; quedar:r=stay/stayed;
  llegar=arrive/arrived; escapar:r=run off/ran off; empacar=pack/packed; contestar=answer/answered;
  responder=answer/answered; disculpar=excuse/excused; perdonar=forgive/forgave; recibir=receive/received;
  reunir:r=meet/met; regalar=give away/gave away; cobrar=charge/charged; pensar:ie=think/thought;
  decidir=decide/decided; vender=sell/sold; comprar=buy/bought; mudar:r=move/moved; firmar=sign/signed;
  mandar=send/sent; enviar=send/sent; llamar=call/called; hablar=talk/talked; esperar=wait/waited;
  ayudar=help/helped; buscar=look for/looked for; encontrar:ue=find/found; mostrar:ue=show/showed;
  ensenar=show/showed; visitar=visit/visited; conocer=know/knew; necesitar=need/needed; gustar=like/liked;
  encantar=love/loved; preocupar:r=worry/worried; confiar=trust/trusted; creer=believe/believed;
  entender:ie=understand/understood; explicar=explain/explained; preguntar=ask/asked; ofrecer=offer/offered;
  aceptar=accept/accepted; rechazar=reject/rejected; negociar=negotiate/negotiated; bajar=lower/lowered;
  rebajar=lower/lowered; subir=raise/raised; pagar=pay/paid; ahorrar=save/saved; gastar=spend/spent;
  ganar=make/made; perder:ie=lose/lost; costar:ue=cost/cost; tasar=appraise/appraised;
  inspeccionar=inspect/inspected; reparar=repair/repaired; arreglar=fix/fixed; pintar=paint/painted;
  limpiar=clean/cleaned; listar=list/listed; publicar=list/listed; anunciar=advertise/advertised;
  cerrar:ie=close/closed; terminar=finish/finished; acabar=finish/finished; empezar:ie=start/started;
  comenzar:ie=start/started; seguir:i=keep/kept; continuar=continue/continued; cancelar=cancel/cancelled;
  retirar=pull out/pulled out; aplazar=postpone/postponed; tardar=take long/took long; demorar=delay/delayed;
  apurar:r=hurry/hurried; agendar=schedule/scheduled; programar=schedule/scheduled; reservar=book/booked;
  mirar=look at/looked at; revisar=check/checked; chequear=check/checked; vivir=live/lived;
  trabajar=work/worked; rentar=rent/rented; alquilar=rent/rented; aprobar:ue=approve/approved;
  calificar=qualify/qualified; precalificar=pre-qualify/pre-qualified; preaprobar=pre-approve/pre-approved;
  avisar=let know/let know; depositar=deposit/deposited; transferir:ie=transfer/transferred;
  heredar=inherit/inherited; fallecer=die/died; morir:ue=die/died; sentir:ie:r=feel/felt;
  preferir:ie=prefer/preferred; escoger=choose/chose; elegir:i=choose/chose; volver:ue=come back/came back;
  regresar=come back/came back; tratar=try/tried; intentar=try/tried; conseguir:i=get/got;
  invertir:ie=invest/invested; remodelar=remodel/remodeled; pedir:i=ask for/asked for; jubilar:r=retire/retired;
  casar:r=marry/married; divorciar:r=divorce/divorced; separar:r=separate/separated; nacer=be born/was born;
  enfermar:r=get sick/got sick; cuidar=take care of/took care of; apoyar=support/supported;
  recomendar:ie=recommend/recommended; referir:ie=refer/referred; garantizar=guarantee/guaranteed;
  prometer=promise/promised; mentir:ie=lie/lied; enganar=cheat/cheated; aprovechar:r=take advantage/took advantage;
  presionar=pressure/pressured; molestar=bother/bothered; olvidar:r=forget/forgot; recordar:ue=remember/remembered;
  llorar=cry/cried; dormir:ue=sleep/slept; celebrar=celebrate/celebrated; agradecer=thank/thanked;
  ofertar=bid/bid; contraofertar=counter/countered; financiar=finance/financed; prestar=lend/lent;
  entregar=hand over/handed over; abrir=open/opened; recorrer=tour/toured; entrar=go in/went in;
  asimilar=take in/took in; lograr=manage/managed; acordar:ue:r=remember/remembered; cambiar=change/changed;
  ahorrar=save/saved; calcular=figure/figured; preparar=prepare/prepared; coordinar=set up/set up;
  mover:ue:r=move/moved; devolver:ue=give back/gave back; arrepentir:ie:r=regret/regretted;
  desesperar:r=despair/despaired; estresar:r=stress/stressed; cansar:r=tire/tired; asustar:r=scare/scared;
  vivir=live/lived; subir=raise/raised; compartir=share/shared; cumplir=meet/met; salir=leave/left
`;

const VERBS = new Map<string, Verb>();
/** Stem (and stem-changed stem) → verb. */
const STEMS = new Map<string, Verb[]>();

function addStem(stem: string, verb: Verb): void {
  const list = STEMS.get(stem) ?? [];
  if (!list.includes(verb)) list.push(verb);
  STEMS.set(stem, list);
}

/** The stem with its last matching vowel changed ("pens" + ie → "piens", "encontr" + ue → "encuentr"). */
function changedStem(stem: string, change: string): string {
  const from = change === 'ue' ? 'o' : 'e';
  const at = stem.lastIndexOf(from);
  return at < 0 ? stem : stem.slice(0, at) + change + stem.slice(at + 1);
}

for (const entry of VERB_LIST.trim().split(/\s*;\s*/)) {
  const [head = '', gloss = ''] = entry.split('=');
  const [inf = '', ...flags] = head.trim().split(':');
  const [base = '', past = `${base}ed`] = gloss.trim().split('/');
  const cls = inf.slice(-2) as Verb['cls'];
  const verb: Verb = { cls, base, past, reflexive: flags.includes('r') };
  VERBS.set(inf, verb);
  const stem = inf.slice(0, -2);
  addStem(stem, verb);
  const change = flags.find((f) => f === 'ie' || f === 'ue' || f === 'i');
  if (change) addStem(changedStem(stem, change), verb);
}

/** English -ing form of the base's first word ("look for" → "looking for"). */
function gerund(base: string): string {
  const [head = '', ...rest] = base.split(' ');
  const ing =
    head.endsWith('e') && !head.endsWith('ee') && head.length > 2 ? `${head.slice(0, -1)}ing` : `${head}ing`;
  return [ing, ...rest].join(' ');
}

/** English third-person form of the base's first word ("look for" → "looks for"). */
function third(base: string): string {
  const [head = '', ...rest] = base.split(' ');
  if (head === 'be') return ['is', ...rest].join(' ');
  const s = /(?:s|sh|ch|x|o)$/.test(head)
    ? `${head}es`
    : /[^aeiou]y$/.test(head)
      ? `${head.slice(0, -1)}ies`
      : `${head}s`;
  return [s, ...rest].join(' ');
}

type Form = (v: Verb) => string;

/** Endings by class, longest first within the list; each builds the English gloss. */
const ENDINGS: Record<Verb['cls'], [string, Form][]> = {
  ar: [
    ['abamos', (v) => `we ${v.past}`],
    ['aramos', (v) => `we ${v.past}`],
    ['aremos', (v) => `we will ${v.base}`],
    ['ariamos', (v) => `we would ${v.base}`],
    ['aron', (v) => `they ${v.past}`],
    ['aste', (v) => `you ${v.past}`],
    ['ando', (v) => gerund(v.base)],
    ['amos', (v) => `we ${v.base}`],
    ['aban', (v) => v.past],
    ['aria', (v) => `would ${v.base}`],
    ['aran', (v) => `will ${v.base}`],
    ['ara', (v) => `will ${v.base}`],
    ['are', (v) => `I will ${v.base}`],
    ['aba', (v) => v.past],
    ['ado', (v) => v.past],
    ['ada', (v) => v.past],
    ['ados', (v) => v.past],
    ['adas', (v) => v.past],
    ['en', (v) => v.base],
    ['an', (v) => v.base],
    ['as', (v) => `you ${v.base}`],
    ['ar', (v) => `~${v.base}`],
    ['o', (v) => `I ${v.base}`],
    ['a', (v) => third(v.base)],
    ['e', (v) => v.base],
  ],
  er: [
    ['iamos', (v) => `we ${v.past}`],
    ['eremos', (v) => `we will ${v.base}`],
    ['eriamos', (v) => `we would ${v.base}`],
    ['ieron', (v) => `they ${v.past}`],
    ['iste', (v) => `you ${v.past}`],
    ['iendo', (v) => gerund(v.base)],
    ['emos', (v) => `we ${v.base}`],
    ['imos', (v) => `we ${v.past}`],
    ['eria', (v) => `would ${v.base}`],
    ['eran', (v) => `will ${v.base}`],
    ['era', (v) => `will ${v.base}`],
    ['ere', (v) => `I will ${v.base}`],
    ['ian', (v) => v.past],
    ['ia', (v) => v.past],
    ['ido', (v) => v.past],
    ['ida', (v) => v.past],
    ['idos', (v) => v.past],
    ['io', (v) => v.past],
    ['en', (v) => v.base],
    ['an', (v) => v.base],
    ['es', (v) => `you ${v.base}`],
    ['er', (v) => `~${v.base}`],
    ['o', (v) => `I ${v.base}`],
    ['e', (v) => third(v.base)],
    ['a', (v) => v.base],
    ['i', (v) => `I ${v.past}`],
  ],
  ir: [
    ['iamos', (v) => `we ${v.past}`],
    ['iremos', (v) => `we will ${v.base}`],
    ['iriamos', (v) => `we would ${v.base}`],
    ['ieron', (v) => `they ${v.past}`],
    ['iste', (v) => `you ${v.past}`],
    ['iendo', (v) => gerund(v.base)],
    ['imos', (v) => `we ${v.base}`],
    ['iria', (v) => `would ${v.base}`],
    ['iran', (v) => `will ${v.base}`],
    ['ira', (v) => `will ${v.base}`],
    ['ire', (v) => `I will ${v.base}`],
    ['ian', (v) => v.past],
    ['ia', (v) => v.past],
    ['ido', (v) => v.past],
    ['ida', (v) => v.past],
    ['idos', (v) => v.past],
    ['io', (v) => v.past],
    ['en', (v) => v.base],
    ['an', (v) => v.base],
    ['es', (v) => `you ${v.base}`],
    ['ir', (v) => `~${v.base}`],
    ['o', (v) => `I ${v.base}`],
    ['e', (v) => third(v.base)],
    ['a', (v) => v.base],
    ['i', (v) => `I ${v.past}`],
  ],
};

/** Irregular forms of common verbs not in the lexicon (folded). */
const IRREGULAR: Record<string, string> = {
  hice: 'I did',
  hizo: 'did',
  hicimos: 'we did',
  hicieron: 'they did',
  hago: 'I do',
  hacemos: 'we do',
  tuve: 'I had',
  tuvimos: 'we had',
  tuvieron: 'they had',
  pude: 'I could',
  pudimos: 'we could',
  pudieron: 'they could',
  supe: 'I found out',
  quise: 'I wanted',
  dio: 'gave',
  di: 'I gave',
  dimos: 'we gave',
  dieron: 'they gave',
  vengo: 'I come',
  viene: 'comes',
  vienen: 'come',
  venimos: 'we come',
  vino: 'came',
  vinieron: 'they came',
  pongo: 'I put',
  puso: 'put',
  pusimos: 'we put',
  traigo: 'I bring',
  trajo: 'brought',
  trajimos: 'we brought',
  digo: 'I say',
  dije: 'I said',
  dijimos: 'we said',
  dijeron: 'they said',
  conozco: 'I know',
  salgo: 'I leave',
  veo: 'I see',
  ves: 'you see',
  ve: 'sees',
  vemos: 'we see',
  ven: 'see',
  vio: 'saw',
  vieron: 'they saw',
  vea: 'see',
  vean: 'see',
  visto: 'seen',
  viendo: 'seeing',
  fueron: 'went',
  estuvimos: 'we were',
  estuve: 'I was',
  murio: 'died',
  murieron: 'died',
};

const CLITIC = /(?:me|te|se|nos|lo|la|los|las|le|les)$/;
const CLITIC_GLOSS: Record<string, string> = {
  me: 'me',
  te: 'you',
  nos: 'us',
  lo: 'it',
  la: 'it',
  los: 'them',
  las: 'them',
  le: 'them',
  les: 'them',
  se: '',
};

/** Reads a folded word as a plain verb form (no attached pronouns). */
function plainForm(word: string, accentedPast: boolean): string | undefined {
  if (word in IRREGULAR) return IRREGULAR[word];
  for (let cut = Math.min(word.length - 2, 7); cut >= 1; cut--) {
    const stem = word.slice(0, word.length - cut);
    const ending = word.slice(word.length - cut);
    for (const verb of STEMS.get(stem) ?? []) {
      // "dejó"/"dejé" (accented) are preterites; unaccented "dejo"/"deje" are present and command forms.
      if (accentedPast && verb.cls === 'ar' && (ending === 'o' || ending === 'e'))
        return ending === 'o' ? verb.past : `I ${verb.past}`;
      const form = ENDINGS[verb.cls].find(([e]) => e === ending);
      if (form) return form[1](verb);
    }
  }
  return undefined;
}

/** Pronouns attached to an infinitive, gerund or command: "venderlos" → "~sell them", "mándeme" → "send me". */
function withClitics(word: string): string | undefined {
  let rest = word;
  const pronouns: string[] = [];
  for (let k = 0; k < 2; k++) {
    const m = CLITIC.exec(rest);
    if (!m || rest.length - m[0].length < 3) break;
    pronouns.unshift(m[0]);
    rest = rest.slice(0, -m[0].length);
    const inf = /(?:ar|er|ir)$/.test(rest) ? VERBS.get(rest) : undefined;
    const ger = /(?:ando|iendo)$/.test(rest);
    const verb = inf ?? (ger ? STEMS.get(rest.replace(/(?:ando|iendo)$/, ''))?.[0] : undefined);
    const command = !inf && !ger ? STEMS.get(rest.slice(0, -1))?.[0] : undefined;
    const v = verb ?? command;
    if (!v) continue;
    const objects = pronouns
      .filter((p) => !(v.reflexive && (p === 'me' || p === 'te' || p === 'se' || p === 'nos')))
      .map((p) => CLITIC_GLOSS[p] ?? '')
      .filter((g) => g.length > 0)
      .join(' ');
    const head = inf ? `~${v.base}` : ger ? gerund(v.base) : v.base;
    if (command && !/[ae]$/.test(rest)) return undefined;
    return objects.length > 0 ? `${head} ${objects}` : head;
  }
  return undefined;
}

/**
 * The English gloss of a Spanish verb form, or undefined when the word is not a form of a known verb.
 * `word` is the word as written (its final accent tells "dejó" from "dejo"), `folded` without accents.
 */
export function verbGloss(word: string, folded: string): string | undefined {
  if (folded.length < 3) return IRREGULAR[folded];
  const accentedPast = /[óé]$/.test(word.toLowerCase());
  return plainForm(folded, accentedPast) ?? withClitics(folded);
}
