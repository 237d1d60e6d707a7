/**
 * Word-level Spanish → English gloss for the offline coach (keys lowercase, without accents). Covers the
 * function words, the verbs and the nouns of a home search (Mexican, Caribbean and South American usage);
 * multi-word phrases are in spanish-phrases.ts. A value starting with "~" is an infinitive ("to see" unless
 * a modal comes before it). Words also common in English ("me", "a", "no", "son") are in AMBIGUOUS.
 */

const w = (entries: string): Record<string, string> =>
  Object.fromEntries(
    entries
      .trim()
      .split(/\s*;\s*/)
      .filter((e) => e.length > 0)
      .map((e) => {
        const [es, en] = e.split('=');
        return [(es ?? '').trim(), (en ?? '').trim()];
      }),
  );

const FUNCTION_WORDS = w(`
  el=the; la=the; los=the; las=the; lo=it; le=; les=; se=; del=of the; al=to the; de=of; en=in; por=for;
  para=for; con=with; sin=without; sobre=about; hasta=up to; desde=since; entre=between; hacia=toward;
  y=and; e=and; o=or; pero=but; porque=because; pues=well; si=if; que=that; como=like; cuando=when;
  donde=where; mientras=while; aunque=although; tambien=also; tampoco=neither; ya=already; todavia=still;
  aun=still; muy=very; mas=more; menos=less; tan=so; tanto=so much; bien=well; mal=bad; solo=just;
  solamente=only; nomas=just; nada=nothing; algo=something; alguien=someone; nadie=nobody; todo=all;
  todos=all; todas=all; un=a; una=a; a=to; cada=each; otro=another; otra=another; otros=other; otras=other; mucho=a lot;
  mucha=a lot; muchos=many; muchas=many; poco=little; pocos=few; pocas=few; algun=some; alguna=some;
  algunos=some; algunas=some; ningun=no; ninguna=no; este=this; esta=this; estos=these; estas=these; que=that;
  ese=that; esa=that; esos=those; esas=those; eso=that; esto=this; aqui=here; aca=here; ahi=there;
  alli=there; alla=there; ahora=now; ahorita=right now; hoy=today; manana=tomorrow; ayer=yesterday;
  luego=later; despues=after; antes=before; pronto=soon; nunca=never; siempre=always; tal=such; vez=time;
  yo=I; tu=you; usted=you; ustedes=you; el=the; ella=she; nosotros=we; nosotras=we; ellos=they;
  ellas=they; mi=my; mis=my; tus=your; su=your; sus=your; nuestro=our; nuestra=our; nuestros=our;
  nuestras=our; nos=; te=; cual=which; cuales=which; quien=who; quienes=who; cuanto=how much;
  cuanta=how much; cuantos=how many; cuantas=how many; donde=where; claro=of course;
  hola=hello; porfa=please; porfis=please; porfavor=please; gracias=thank you; buenas=good; buenos=good; dias=days; senor=sir; senora=ma'am; ok=ok;
  oye=hey; mira=look; bueno=well; igual=maybe; quizas=maybe; quiza=maybe; talvez=maybe; tipo=like;
  casi=almost; mero=right; puro=all; puros=all; puras=all; unos=about; unas=about; aproximadamente=about;
  minimo=minimum; maximo=max; dolares=dollars; dolar=dollar; pesos=dollars
`);

const VERBS = w(`
  soy=I am; eres=you are; es=is; somos=we are; son=are; era=was; fue=was; fueron=were; sea=is;
  sean=are; estoy=I am; esta=this; estamos=we are; estan=they are; estaba=was; estuvo=was;
  tengo=I have; tienes=you have; tiene=has; tenemos=we have; tienen=have; tenia=had; teniamos=we had;
  hay=there is; habia=there was; hubo=there was; quiero=I want; quieres=you want; quiere=wants;
  queremos=we want; quieren=want; queria=wanted; queriamos=we wanted; necesito=I need; necesita=needs;
  necesitamos=we need; necesitan=need; puedo=I can; puedes=can you; puede=can you; podemos=we can;
  pueden=can you; podria=could you; podrias=could you; podriamos=could we;  sabes=you know; sabe=knows; sabemos=we know; creo=I think; creemos=we think; pienso=I think; pensamos=we think;
  busco=I am looking for; buscamos=we are looking for; buscando=looking for;
  vivo=I live; vivimos=we live; viven=live; vive=lives; trabajamos=we work; trabajando=working; trabaja=works; trabajan=work; siempre=always;
  verdad=truth; vendo=I sell;
  vendemos=we sell; vender=~sell; vendiendo=selling; vendimos=we sold; vendio=sold; compro=I buy;
  compramos=we buy; comprar=~buy; comprando=buying; compre=I bought; rentar=~rent; rentamos=we rent;
  rentando=renting; alquilar=~rent; alquilamos=we rent; mudarnos=~move; mudarme=~move; mudar=~move;
  mudamos=we move; mudando=moving; mudandonos=moving; mudamos=we are moving; mudaremos=we will move;
  moverme=~move; movernos=~move; ver=~see; verla=~see it; verlo=~see it; verlas=~see them;
  verlos=~see them; visitar=~visit; conocer=~see; mirar=~look; mirando=looking at; viendo=looking at;
  buscar=~find; encontrar=~find; firmar=~sign; firmamos=we sign; firmo=I sign; pagar=~pay; pago=I pay;
  pagamos=we pay; cobra=charge; cobran=charge; cobras=charge; cuesta=costs; cuestan=cost; vale=is worth;
  gastar=~spend; ofrecer=~offer; ofrecio=offered; ofrecieron=offered; hacer=~make; hagamos=let's make;
  llamar=~call; llamame=call me; llamenos=call us; hablar=~talk; hablamos=we talk; esperar=~wait;
  esperando=waiting; esperamos=we expect; espero=I expect; ayudar=~help; ayudarnos=~help us; ayudame=help me;
  gusta=like; gustan=like; gustaria=would like; encanta=love; encanto=loved; preocupa=worries;
  confio=I trust; confiamos=we trust; creer=~believe; entiendo=I understand; dijo=said; dice=says;
  dicen=say; vamos=we are going; voy=I am going; va=goes; van=go; ir=~go; venir=~come; vengan=come;
  puedan=can; funciona=works; incluye=includes; listar=~list; poner=~put; subir=~raise; bajar=~lower;
  bajen=lower; bajo=lowered; bajaron=lowered; sacar=~get; ganar=~get; cerrar=~close; cerramos=we close;
  agendar=~schedule; programar=~schedule; cuadrar=~schedule; apartar=~book; reservar=~book; mandar=~send;
  enviar=~send; mostrar=~show; ensenar=~show; entrar=~go in; llegar=~get; empezar=~start;
  comenzar=~start; salir=~leave; quedar=~stay; quedarnos=~stay; seguir=~keep; decidir=~decide;
  decidimos=we decided; pensar=~think; pensarlo=~think about it; avisar=~let know; avisame=let me know;
  aviseme=let me know; avisanos=let us know; recomendar=~recommend; estar=~be; vivir=~live; andamos=we are; ando=I am; saber=~know; queria=wanted; queriamos=we wanted; ser=~be; tener=~have; construir=~build; rapido=quick;
  paso=happened; heredamos=we inherited; herede=I inherited; heredo=inherited; limite=limit;
  tope=limit; pidio=asked for; mandaste=you sent; enseno=showed; mostro=showed; demasiado=too much; mando=sent; enviaste=you sent;
  vimos=we saw; vi=I saw; fuimos=we went; dijiste=you said; dijo=said; hablamos=we talked; encontramos=we found; falta=is missing; pasa=happens; rento=I rent; alquilo=I rent
`);

const NOUNS = w(`
  casa=house; casas=houses; casita=little house; hogar=home; vivienda=home; propiedad=property;
  propiedades=properties; condominio=condo; condominios=condos; condo=condo; depa=condo;
  departamento=condo; apartamento=condo; apto=condo; piso=floor; duplex=duplex;
  triplex=triplex; multifamiliar=multi-family; unidades=units; unidad=unit; papas=parents; unifamiliar=single-family; recamara=bedroom; recamaras=bedrooms; habitacion=bedroom;
  habitaciones=bedrooms; cuarto=bedroom; cuartos=bedrooms; dormitorio=bedroom; dormitorios=bedrooms;
  alcoba=bedroom; alcobas=bedrooms; bano=bathroom; banos=bathrooms; cocina=kitchen; patio=yard;
  jardin=yard; cochera=garage; garaje=garage; piscina=pool; alberca=pool; terreno=plot of land;
  terrenos=land; lote=plot of land; lotes=lots; parcela=plot of land; solar=plot of land; solares=plots of land; cuerda=acre; cuerdas=acres; finca=land;
  acre=acre; acres=acres; precio=price; precios=prices; presupuesto=budget; dinero=money; pago=payment;
  pagos=payments; mensualidad=monthly payment; enganche=down payment; inicial=down payment;
  prestamo=loan; hipoteca=mortgage; credito=credit; banco=bank; prestamista=lender; carta=letter;
  oferta=offer; ofertas=offers; contrato=contract; contratos=contracts; papeles=paperwork;
  documentos=documents; cierre=closing; inspeccion=inspection; tasacion=appraisal; avaluo=appraisal;
  comision=commission; comisiones=commissions; porciento=percent; agente=agent; agentes=agents;
  realtor=realtor; corredor=broker; corredora=broker; vendedor=seller; vendedores=sellers;
  comprador=buyer; compradores=buyers; dueno=owner; duenos=owners; mercado=market; tasas=rates; tasa=rate;
  interes=interest; zona=area; zonas=areas; area=area; barrio=neighborhood; barrios=neighborhoods;
  vecindario=neighborhood; vecindarios=neighborhoods; colonia=neighborhood; reparto=neighborhood;
  urbanizacion=subdivision; comunidad=community; ciudad=city; pueblo=town; condado=county;
  estado=state; escuela=school; escuelas=schools; trabajo=job; chamba=job; empleo=job; familia=family;
  esposa=wife; esposo=husband; mujer=wife; marido=husband; hijos=kids; hijo=son; hija=daughter;
  ninos=kids; nino=child; nina=girl; chamacos=kids; chicos=kids; bebe=baby; mama=mom; papa=dad;
  padres=parents; abuela=grandma; abuelo=grandpa; hermano=brother; hermana=sister; primo=cousin;
  prima=cousin; tio=uncle; tia=aunt; suegros=in-laws; amigo=friend; amiga=friend; vecino=neighbor;
  vecinos=neighbors; gente=people; personas=people; semana=week; semanas=weeks; mes=month; meses=months;
  ano=year; anos=years; dia=day; fin=end; verano=summer; invierno=winter; otono=fall; primavera=spring;
  enero=january; febrero=february; marzo=march; abril=april; mayo=may; junio=june; julio=july;
  agosto=august; septiembre=september; setiembre=september; octubre=october; noviembre=november;
  diciembre=december; lunes=monday; martes=tuesday; miercoles=wednesday; jueves=thursday;
  viernes=friday; sabado=saturday; domingo=sunday; cita=appointment; visita=showing; tiempo=time;
  prisa=hurry; apuro=hurry; idea=idea; pregunta=question; duda=question; problema=problem;
  llaves=keys; llave=key; mudanza=move; impuestos=taxes; sueldo=salary; ingresos=income; deuda=debt;
  puntaje=score; perro=dog; perros=dogs; suegra=mother-in-law; suegro=father-in-law; hermanos=siblings;
  hermanas=sisters; libre=free; libres=free; entrada=down payment; trato=deal; efectivo=cash; recibo=receipt; reparaciones=repairs; techo=roof; renta=rent; alquiler=rent; inquilino=tenant;
  inquilinos=tenants; casero=landlord; momento=time; proceso=process; mantenimiento=maintenance;
  iglesia=church; mezquita=mosque; sinagoga=synagogue; templo=temple; silla de ruedas=wheelchair;
  negros=blacks; negro=black; morenos=blacks; afroamericanos=african americans; blancos=whites;
  blanco=white; hispanos=hispanics; latinos=latinos; asiaticos=asians; chinos=chinese; mexicanos=mexicans;
  cubanos=cubans; puertorriquenos=puerto ricans; boricuas=puerto ricans; dominicanos=dominicans;
  haitianos=haitians; colombianos=colombians; venezolanos=venezuelans; guatemaltecos=guatemalans;
  salvadorenos=salvadorans; arabes=arabs; musulmanes=muslims; judios=jews; cristianos=christians;
  catolicos=catholics; evangelicos=christians; inmigrantes=immigrants; extranjeros=foreigners;
  ilegales=illegals; indocumentados=illegals; discapacitados=disabled; discapacidad=disability;
  minusvalidos=disabled; ciegos=blind; sordos=deaf; gays=gay; embarazada=pregnant; soltera=single woman;
  soltero=single man; raza=race; religion=religion
`);

const ADJECTIVES = w(`
  caro=expensive; cara=expensive; caros=expensive; caras=expensive; carisimo=way too expensive;
  barato=cheap; barata=cheap; grande=big; grandes=big; pequena=small; pequeno=small; chica=small;
  chico=small; nueva=new; nuevo=new; vieja=old; viejo=old; bonita=nice; bonito=nice; linda=nice;
  lindo=nice; segura=safe; seguro=sure; tranquila=quiet; tranquilo=quiet; cerca=near; lejos=far;
  listo=ready; listos=ready; lista=ready; listas=ready; preaprobado=pre-approved;
  preaprobada=pre-approved; preaprobados=pre-approved; preaprobadas=pre-approved;
  precalificado=pre-approved; precalificada=pre-approved; precalificados=pre-approved;
  aprobado=approved; aprobados=approved; aprobada=approved; feliz=happy; felices=happy;
  contento=happy; contentos=happy; emocionado=excited; emocionada=excited; emocionados=excited;
  nervioso=nervous; nerviosa=nervous; nerviosos=nervous; preocupado=worried; preocupada=worried;
  preocupados=worried; estresado=stressed; estresada=stressed; estresados=stressed;
  agobiado=overwhelmed; agobiada=overwhelmed; abrumado=overwhelmed; abrumada=overwhelmed;
  cansado=tired; cansada=tired; cansados=tired; frustrado=frustrated; frustrada=frustrated;
  frustrados=frustrated; desanimado=discouraged; desanimada=discouraged; triste=sad; tristes=sad;
  enfermo=sick; enferma=sick; seguros=sure; interesado=interested; interesada=interested;
  interesados=interested; disponible=available; perfecto=perfect; perfecta=perfect; excelente=great;
  genial=great; loco=crazy; locura=crazy; ridiculo=ridiculous; injusto=unfair; alto=high; alta=high;
  altos=high; bajo=low; baja=low; bajos=low; proximo=next; proxima=next; pasado=last; pasada=last;
  primer=first; primera=first; segunda=second; ultimo=last; ultima=last
`);

/** Spanish words glossed to English (lowercase, no accents). */
export const SPANISH_WORDS: Record<string, string> = { ...FUNCTION_WORDS, ...NOUNS, ...ADJECTIVES, ...VERBS };

/** Words that are also English words: glossed only after a Spanish word (or before one, first in a sentence). */
export const AMBIGUOUS = new Set(
  (
    'a me no son come once pan sin red real fin mas van ten dice sea se la le de mi tu te solo casa era va mes ' +
    'vale tal como cita dias al el bien mal ya alto bajo total final area idea patio piso plaza condo duplex ' +
    'realtor triplex acre acres ok mira grande papa mama hay esta es este con lote tipo mero sabe un una'
  ).split(/\s+/),
);

/**
 * Words English shares whose Spanish reading matters only to slots ("solar": a building plot in Spanish, panels in
 * English): in the slot reading they count as ambiguous; the cue reading (the classifier's features) is unchanged.
 */
export const SLOT_AMBIGUOUS = new Set(['solar']);

/** Accented forms whose meaning differs from the unaccented one ("está" is, "esta" this; "sí" yes, "si" if). */
export const ACCENTED: Record<string, string> = {
  está: 'is',
  están: 'are',
  estás: 'you are',
  sé: 'I know',
  sí: 'yes',
  más: 'more',
  él: 'he',
  tú: 'you',
  mí: 'me',
  qué: 'what',
  cómo: 'how',
  cuánto: 'how much',
  cuánta: 'how much',
  cuántos: 'how many',
  cuántas: 'how many',
  dónde: 'where',
  cuándo: 'when',
  quién: 'who',
  cuál: 'which',
  porqué: 'why',
};

/** English function words, for telling English, Spanish and mixed turns apart. */
export const ENGLISH_MARKERS = new Set(
  (
    'the and to of is it we i you that for with on are my our this but be have not want looking would can ' +
    'just what how if so do was they will at from your in an or what when where about need like get has ' +
    'been some any there their them out up any who which should could its im were going ' +
    'after before anything yes yeah thanks sure please here there then than did does had him her his ' +
    "i'm we're don't can't it's"
  ).split(/\s+/),
);

/** Spanish function words and very common Spanish-only words (no English homographs). */
export const SPANISH_MARKERS = new Set(
  (
    'el la los las del que y en por para con una un es esta estoy estamos pero muy queremos quiero ' +
    'tengo tenemos nosotros mi mis su sus nuestro nuestra hola gracias tambien cuando donde porque pues ' +
    'hay lo le se nos sin desde hasta entre despues ahora todavia aqui eso esto este ese esa cuanto ' +
    'cuantos casa recamaras habitaciones cuartos buscamos buscando necesitamos vivimos somos ' +
    'ahorita mira bueno usted ustedes puedo podemos quisiera gustaria tiene tienen vamos voy de'
  ).split(/\s+/),
);
