<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en">
<context>
    <name>misaid</name>
    <message>
        <location filename="../core/outline.py" line="37"/>
        <source>What the sources describe for your answers</source>
        <translation>Lo que describen las fuentes para sus respuestas</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="38"/>
        <source>What the sources describe for these answers</source>
        <translation>Lo que describen las fuentes para estas respuestas</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="39"/>
        <source>Get urgent care now</source>
        <translation>Busque atención urgente ahora</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="39"/>
        <source>Red flags</source>
        <translation>Señales de alarma</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="40"/>
        <source>Key points for your answers</source>
        <translation>Puntos clave para sus respuestas</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="41"/>
        <source>Key points</source>
        <translation>Puntos clave</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="42"/>
        <source>Your four choices, side by side</source>
        <translation>Sus cuatro opciones, una al lado de otra</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="43"/>
        <source>Options: non-operative and the three approaches</source>
        <translation>Opciones: tratamiento conservador y los tres abordajes</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="44"/>
        <source>How it is done</source>
        <translation>Cómo se hace</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="44"/>
        <source>Procedure</source>
        <translation>Procedimiento</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="45"/>
        <source>How often it is described for problems like yours</source>
        <translation>Con qué frecuencia se describe en problemas como el suyo</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="46"/>
        <source>Fit for these answers</source>
        <translation>Adecuación a estas respuestas</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="47"/>
        <source>Recovery</source>
        <translation>Recuperación</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="48"/>
        <source>Are you ready to talk it through?</source>
        <translation>¿Está todo listo para hablarlo?</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="49"/>
        <source>Readiness check (yes/no)</source>
        <translation>Comprobación de preparación (sí/no)</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="50"/>
        <source>The three ways to reach the spine</source>
        <translation>Las tres vías para llegar a la columna</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="51"/>
        <source>Approaches</source>
        <translation>Abordajes</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="52"/>
        <source>Benefits</source>
        <translation>Beneficios</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="52"/>
        <source>What it may help</source>
        <translation>En qué puede ayudar</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="53"/>
        <source>Possible risks</source>
        <translation>Posibles riesgos</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="53"/>
        <source>Risks</source>
        <translation>Riesgos</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="54"/>
        <source>Ways of operating through small cuts that may apply</source>
        <translation>Formas de operar con cortes pequeños que podrían aplicarse a su caso</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="55"/>
        <source>MIS options that apply</source>
        <translation>Opciones de CMI aplicables</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="56"/>
        <source>Good to know</source>
        <translation>Conviene saber</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="56"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="57"/>
        <source>What matters to you</source>
        <translation>Lo que le importa a usted</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="58"/>
        <source>What matters to the patient</source>
        <translation>Lo que le importa al paciente</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="59"/>
        <source>Questions to ask your surgeon</source>
        <translation>Preguntas para su cirujano</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="60"/>
        <source>Questions for the surgeon</source>
        <translation>Preguntas para el cirujano</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="61"/>
        <source>Surgeon</source>
        <translation>Cirujano</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="61"/>
        <source>Talk to your surgeon</source>
        <translation>Hable con su cirujano</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="62"/>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="63"/>
        <source>Answers</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="63"/>
        <source>Your answers</source>
        <translation>Sus respuestas</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="64"/>
        <location filename="../core/outline.py" line="65"/>
        <source>What led to each statement</source>
        <translation>Qué llevó a cada afirmación</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="66"/>
        <source>The rules that applied, and why</source>
        <translation>Las reglas que se aplicaron y por qué</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="67"/>
        <source>Rule trace: the rules that fired, and why</source>
        <translation>Traza de reglas: las reglas que se activaron y por qué</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="73"/>
        <source>You chose these. They do not change what the sources say.</source>
        <translation>Usted eligió esto. No cambia lo que dicen las fuentes.</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="74"/>
        <source>Stated by the patient. They never change a fit or an urgent note.</source>
        <translation>Indicado por el paciente. Nunca cambia la adecuación ni un aviso urgente.</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="76"/>
        <location filename="../ui/consultation/view.py" line="105"/>
        <source>Not given</source>
        <translation>No indicado</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="77"/>
        <location filename="../ui/patient/pages.py" line="115"/>
        <source>I&apos;m not sure</source>
        <translation>No lo sé</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="78"/>
        <location filename="../ui/patient/pages.py" line="109"/>
        <source>None of these</source>
        <translation>Ninguna de estas</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="79"/>
        <source>A real choice to weigh</source>
        <translation>Una opción real a considerar</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="80"/>
        <source>Option</source>
        <translation>Opción</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="81"/>
        <source>Answer yes or no for yourself. Nothing is saved.</source>
        <translation>Responda sí o no para usted. No se guarda nada.</translation>
    </message>
    <message>
        <location filename="../core/outline.py" line="82"/>
        <source>Four yes/no questions for the patient; a &quot;no&quot; says what to do next.</source>
        <translation>Cuatro preguntas de sí o no para el paciente; un «no» indica qué hacer después.</translation>
    </message>
    <message>
        <location filename="../core/render.py" line="40"/>
        <source>Content version %1</source>
        <translation>Versión del contenido %1</translation>
    </message>
    <message>
        <location filename="../core/wording.py" line="24"/>
        <source>%1 and %2</source>
        <translation>%1 y %2</translation>
    </message>
    <message>
        <location filename="../core/wording.py" line="25"/>
        <source>%1 or %2</source>
        <translation>%1 o %2</translation>
    </message>
    <message>
        <location filename="../core/wording.py" line="26"/>
        <source>not %1</source>
        <translation>no se cumple: %1</translation>
    </message>
    <message>
        <location filename="../core/wording.py" line="28"/>
        <source>“%1” → %2</source>
        <translation>«%1» → %2</translation>
    </message>
    <message>
        <location filename="../core/wording.py" line="29"/>
        <source>“%1” answered</source>
        <translation>se respondió «%1»</translation>
    </message>
    <message>
        <location filename="../core/wording.py" line="30"/>
        <source>“%1” not answered</source>
        <translation>no se respondió «%1»</translation>
    </message>
    <message>
        <location filename="../core/wording.py" line="31"/>
        <source>“%1” → %2 or more</source>
        <translation>«%1» → %2 o más</translation>
    </message>
    <message>
        <location filename="../core/wording.py" line="32"/>
        <source>“%1” → %2 or less</source>
        <translation>«%1» → %2 o menos</translation>
    </message>
    <message>
        <location filename="../core/wording.py" line="33"/>
        <source>“%1” → %2 to %3</source>
        <translation>«%1» → de %2 a %3</translation>
    </message>
    <message>
        <location filename="../ui/app.py" line="46"/>
        <source>misaid cannot start</source>
        <translation>misaid no puede iniciarse</translation>
    </message>
    <message>
        <location filename="../ui/app.py" line="47"/>
        <source>The content in %1 has problems, so misaid cannot start. Please ask the person who looks after it to run &apos;misaid check&apos;.</source>
        <translation>El contenido de %1 tiene problemas, así que misaid no puede iniciarse. Pida a la persona que lo mantiene que ejecute &apos;misaid check&apos;.</translation>
    </message>
    <message>
        <location filename="../ui/consultation/panel.py" line="86"/>
        <source>Limit: </source>
        <translation>Límite: </translation>
    </message>
    <message>
        <location filename="../ui/consultation/panel.py" line="164"/>
        <source>Explanation</source>
        <translation>Explicación</translation>
    </message>
    <message>
        <location filename="../ui/consultation/view.py" line="230"/>
        <source>New consultation</source>
        <translation>Nueva consulta</translation>
    </message>
    <message>
        <location filename="../ui/consultation/view.py" line="230"/>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <location filename="../ui/consultation/view.py" line="230"/>
        <source>Save as PDF…</source>
        <translation>Guardar PDF…</translation>
    </message>
    <message>
        <location filename="../ui/consultation/view.py" line="230"/>
        <source>Show patient</source>
        <translation>Mostrar al paciente</translation>
    </message>
    <message>
        <location filename="../ui/consultation/view.py" line="231"/>
        <location filename="../ui/consultation/view.py" line="272"/>
        <source>Case code</source>
        <translation>Código del caso</translation>
    </message>
    <message>
        <location filename="../ui/consultation/view.py" line="235"/>
        <location filename="../ui/consultation/view.py" line="364"/>
        <source>E&amp;xplanation</source>
        <translation>E&amp;xplicación</translation>
    </message>
    <message>
        <location filename="../ui/consultation/view.py" line="235"/>
        <location filename="../ui/consultation/view.py" line="365"/>
        <source>Sources and rule &amp;trace</source>
        <translation>Fuentes y &amp;traza de reglas</translation>
    </message>
    <message>
        <location filename="../ui/consultation/view.py" line="236"/>
        <location filename="../ui/patient/result.py" line="135"/>
        <source>&amp;More details: ways of operating, sources, why am I seeing this</source>
        <translation>&amp;Más detalles: formas de operar, fuentes, por qué veo esto</translation>
    </message>
    <message>
        <location filename="../ui/consultation/view.py" line="271"/>
        <source>from the patient&apos;s result or handout</source>
        <translation>del resultado o la hoja del paciente</translation>
    </message>
    <message>
        <location filename="../ui/consultation/view.py" line="273"/>
        <location filename="../ui/consultation/view.py" line="461"/>
        <source>Type a case code to restore its answers</source>
        <translation>Escriba un código de caso para recuperar sus respuestas</translation>
    </message>
    <message>
        <location filename="../ui/consultation/view.py" line="279"/>
        <source>Clear the case code</source>
        <translation>Borrar el código del caso</translation>
    </message>
    <message>
        <location filename="../ui/consultation/view.py" line="361"/>
        <source>Sources and rule trace</source>
        <translation>Fuentes y traza de reglas</translation>
    </message>
    <message>
        <location filename="../ui/consultation/view.py" line="420"/>
        <source>Code for these answers: %1</source>
        <translation>Código actual: %1</translation>
    </message>
    <message>
        <location filename="../ui/consultation/view.py" line="440"/>
        <source>This code does not fit the content in use: %1</source>
        <translation>Este código no corresponde al contenido en uso: %1</translation>
    </message>
    <message>
        <location filename="../ui/consultation/view.py" line="443"/>
        <source>✓ Answers restored from %1.</source>
        <translation>✓ Respuestas recuperadas de %1.</translation>
    </message>
    <message>
        <location filename="../ui/consultation/view.py" line="452"/>
        <source>%1 of %2 characters</source>
        <translation>%1 de %2 caracteres</translation>
    </message>
    <message>
        <location filename="../ui/handout.py" line="195"/>
        <source>Printed %1</source>
        <translation>Impreso el %1</translation>
    </message>
    <message>
        <location filename="../ui/handout.py" line="200"/>
        <source>Case code: %1</source>
        <translation>Código de caso: %1</translation>
    </message>
    <message>
        <location filename="../ui/handout.py" line="200"/>
        <location filename="../ui/patient/result.py" line="422"/>
        <source>Your case code: %1</source>
        <translation>Su código de caso: %1</translation>
    </message>
    <message>
        <location filename="../ui/handout.py" line="202"/>
        <source>Show it to your surgeon. It holds your answers, not your name.</source>
        <translation>Muéstreselo a su cirujano. Contiene sus respuestas, no su nombre.</translation>
    </message>
    <message>
        <location filename="../ui/handout.py" line="203"/>
        <source>Holds the answers, not the name: misaid explain --code %1</source>
        <translation>Contiene las respuestas, no el nombre: misaid explain --code %1</translation>
    </message>
    <message>
        <location filename="../ui/handout.py" line="227"/>
        <source>Shortened to fit. Your surgeon can see it all with your case code.</source>
        <translation>Resumido para que quepa. Su cirujano puede verlo todo con su código de caso.</translation>
    </message>
    <message>
        <location filename="../ui/handout.py" line="262"/>
        <source>Not described in our sources for your answers.</source>
        <translation>Nuestras fuentes no lo describen para sus respuestas.</translation>
    </message>
    <message>
        <location filename="../ui/handout.py" line="263"/>
        <source>None described in the sources for these answers.</source>
        <translation>Las fuentes no describen ninguno para estas respuestas.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/handout.py" line="269"/>
        <source>+ %n more</source>
        <translation>
            <numerusform>+ %n más</numerusform>
            <numerusform>+ %n más</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/handout.py" line="329"/>
        <location filename="../ui/patient/result.py" line="368"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../ui/handout.py" line="329"/>
        <location filename="../ui/patient/result.py" line="368"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../ui/handout.py" line="333"/>
        <source>If no: %1</source>
        <translation>Si responde que no: %1</translation>
    </message>
    <message>
        <location filename="../ui/handout.py" line="496"/>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
    <message>
        <location filename="../ui/handout.py" line="513"/>
        <source>misaid handout</source>
        <translation>Hoja informativa de misaid</translation>
    </message>
    <message>
        <location filename="../ui/i18n.py" line="45"/>
        <source>approved</source>
        <translation>aprobado</translation>
    </message>
    <message>
        <location filename="../ui/i18n.py" line="45"/>
        <source>draft</source>
        <translation>borrador</translation>
    </message>
    <message>
        <location filename="../ui/i18n.py" line="45"/>
        <source>in review</source>
        <translation>en revisión</translation>
    </message>
    <message>
        <location filename="../ui/i18n.py" line="46"/>
        <source>Content version %1 (reviewed %2, %3)</source>
        <translation>Versión del contenido %1 (revisado el %2, %3)</translation>
    </message>
    <message>
        <location filename="../ui/kiosk/screens.py" line="198"/>
        <location filename="../ui/kiosk/screens.py" line="199"/>
        <source>I&apos;m still here</source>
        <translation>Sigo aquí</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/kiosk/screens.py" line="210"/>
        <source>Are you still there? To keep your answers private, this screen will start over in %n seconds.</source>
        <translation>
            <numerusform>¿Sigue ahí? Para que sus respuestas sigan siendo privadas, esta pantalla volverá al inicio en %n segundo.</numerusform>
            <numerusform>¿Sigue ahí? Para que sus respuestas sigan siendo privadas, esta pantalla volverá al inicio en %n segundos.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/kiosk/screens.py" line="255"/>
        <source>Sorry, let&apos;s start again</source>
        <translation>Lo sentimos, empecemos de nuevo</translation>
    </message>
    <message>
        <location filename="../ui/kiosk/screens.py" line="256"/>
        <source>Something went wrong on our side, not yours. Your answers have been cleared, so nobody else will see them.</source>
        <translation>Algo ha fallado por nuestra parte, no por la suya. Hemos borrado sus respuestas para que nadie más las vea.</translation>
    </message>
    <message>
        <location filename="../ui/kiosk/screens.py" line="258"/>
        <location filename="../ui/kiosk/screens.py" line="259"/>
        <location filename="../ui/practice/view.py" line="283"/>
        <source>Start again</source>
        <translation>Empezar de nuevo</translation>
    </message>
    <message>
        <location filename="../ui/kiosk/screens.py" line="280"/>
        <source>Out of order</source>
        <translation>Fuera de servicio</translation>
    </message>
    <message>
        <location filename="../ui/kiosk/screens.py" line="281"/>
        <source>Sorry, this screen is not working right now. Please tell the staff.</source>
        <translation>Lo sentimos, esta pantalla no funciona en este momento. Por favor, avise al personal.</translation>
    </message>
    <message>
        <location filename="../ui/kiosk/screens.py" line="291"/>
        <source>Staff exit</source>
        <translation>Salida del personal</translation>
    </message>
    <message>
        <location filename="../ui/kiosk/screens.py" line="296"/>
        <source>Staff only: enter the PIN to leave kiosk mode.</source>
        <translation>Solo para el personal: introduzca el PIN para salir del modo quiosco.</translation>
    </message>
    <message>
        <location filename="../ui/kiosk/screens.py" line="301"/>
        <source>Staff PIN</source>
        <translation>PIN del personal</translation>
    </message>
    <message>
        <location filename="../ui/kiosk/screens.py" line="326"/>
        <source>That PIN is not right.</source>
        <translation>Ese PIN no es correcto.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/kiosk/screens.py" line="337"/>
        <source>Too many wrong tries. Please wait %n minute(s).</source>
        <translation>
            <numerusform>Demasiados intentos fallidos. Espere %n minuto, por favor.</numerusform>
            <numerusform>Demasiados intentos fallidos. Espere %n minutos, por favor.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/output.py" line="84"/>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../ui/output.py" line="84"/>
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <location filename="../ui/output.py" line="84"/>
        <source>misaid-handout.pdf</source>
        <translation>misaid-hoja-informativa.pdf</translation>
    </message>
    <message>
        <location filename="../ui/patient/pages.py" line="69"/>
        <source>&amp;What does this mean?</source>
        <translation>¿&amp;Qué significa esto?</translation>
    </message>
    <message>
        <location filename="../ui/patient/pages.py" line="73"/>
        <source>What does this mean?</source>
        <translation>¿Qué significa esto?</translation>
    </message>
    <message>
        <location filename="../ui/patient/pages.py" line="167"/>
        <source>years</source>
        <translation>años</translation>
    </message>
    <message>
        <location filename="../ui/patient/pages.py" line="176"/>
        <source>I&apos;d rather not say, or I&apos;m not sure</source>
        <translation>Prefiero no decirlo, o no lo sé</translation>
    </message>
    <message>
        <location filename="../ui/patient/pages.py" line="176"/>
        <source>Not known</source>
        <translation>No consta</translation>
    </message>
    <message>
        <location filename="../ui/patient/pages.py" line="197"/>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <location filename="../ui/patient/pages.py" line="268"/>
        <source>Question %1 of %2</source>
        <translation>Pregunta %1 de %2</translation>
    </message>
    <message>
        <location filename="../ui/patient/pages.py" line="270"/>
        <source>Question %1 of %2: %3</source>
        <translation>Pregunta %1 de %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/patient/pages.py" line="330"/>
        <source>When you have read this, you can go on to learn more. This does not replace urgent care.</source>
        <translation>Cuando lo haya leído, puede continuar para saber más. Esto no sustituye a la atención urgente.</translation>
    </message>
    <message>
        <location filename="../ui/patient/pages.py" line="371"/>
        <source>&amp;Print</source>
        <translation>&amp;Imprimir</translation>
    </message>
    <message>
        <location filename="../ui/patient/pages.py" line="372"/>
        <source>Save as P&amp;DF</source>
        <translation>Guardar como P&amp;DF</translation>
    </message>
    <message>
        <location filename="../ui/patient/pages.py" line="397"/>
        <source>Start over? Your answers and this result will be cleared from the screen.</source>
        <translation>¿Volver a empezar? Sus respuestas y este resultado se borrarán de la pantalla.</translation>
    </message>
    <message>
        <location filename="../ui/patient/pages.py" line="399"/>
        <source>&amp;Yes, start over</source>
        <translation>&amp;Sí, volver a empezar</translation>
    </message>
    <message>
        <location filename="../ui/patient/pages.py" line="400"/>
        <source>&amp;Keep my result</source>
        <translation>&amp;Conservar mi resultado</translation>
    </message>
    <message>
        <location filename="../ui/patient/pages.py" line="437"/>
        <source>Your page is printing. Please take it from the printer.</source>
        <translation>Su hoja se está imprimiendo. Por favor, recójala en la impresora.</translation>
    </message>
    <message>
        <location filename="../ui/patient/pages.py" line="438"/>
        <source>Sorry, the printer is not working. Please ask at the desk, or write down your case code.</source>
        <translation>Lo sentimos, la impresora no funciona. Pregunte en el mostrador o anote su código de caso.</translation>
    </message>
    <message>
        <location filename="../ui/patient/result.py" line="58"/>
        <source>Your results</source>
        <translation>Sus resultados</translation>
    </message>
    <message>
        <location filename="../ui/patient/result.py" line="255"/>
        <location filename="../ui/patient/result.py" line="338"/>
        <location filename="../ui/patient/result.py" line="340"/>
        <location filename="../ui/patient/result.py" line="431"/>
        <source>Source: %1</source>
        <translation>Fuente: %1</translation>
    </message>
    <message>
        <location filename="../ui/patient/result.py" line="338"/>
        <source>Sources: %1</source>
        <translation>Fuentes: %1</translation>
    </message>
    <message>
        <location filename="../ui/patient/result.py" line="343"/>
        <source>Our sources say nothing on this here.</source>
        <translation>Nuestras fuentes no dicen nada sobre esto aquí.</translation>
    </message>
    <message>
        <location filename="../ui/patient/result.py" line="419"/>
        <location filename="../ui/patient/result.py" line="427"/>
        <source>Your case code</source>
        <translation>Su código de caso</translation>
    </message>
    <message>
        <location filename="../ui/patient/result.py" line="424"/>
        <source>Show it to your surgeon. It holds your answers, not your name. You can write it down or take a photo of it.</source>
        <translation>Muéstreselo a su cirujano. Contiene sus respuestas, no su nombre. Puede anotarlo o tomarle una foto.</translation>
    </message>
    <message>
        <location filename="../ui/patient/result.py" line="457"/>
        <source>rule %1, limit; %2</source>
        <translation>regla %1, límite; %2</translation>
    </message>
    <message>
        <location filename="../ui/patient/result.py" line="458"/>
        <source>rule %1, suggestion; %2</source>
        <translation>regla %1, sugerencia; %2</translation>
    </message>
    <message>
        <location filename="../ui/patient/result.py" line="464"/>
        <source>rule %1</source>
        <translation>regla %1</translation>
    </message>
    <message>
        <location filename="../ui/patient/welcome.py" line="66"/>
        <location filename="../ui/shell.py" line="95"/>
        <location filename="../ui/shell.py" line="107"/>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <location filename="../ui/patient/welcome.py" line="67"/>
        <location filename="../ui/shell.py" line="96"/>
        <source>Black on white, with strong outlines</source>
        <translation>Negro sobre blanco, con contornos marcados</translation>
    </message>
    <message>
        <location filename="../ui/patient/welcome.py" line="147"/>
        <source>Surgery through small cuts: what might apply to you?</source>
        <translation>Cirugía con cortes pequeños: ¿qué podría aplicarse a su caso?</translation>
    </message>
    <message>
        <location filename="../ui/patient/welcome.py" line="148"/>
        <source>MIS approach and options: what the sources describe</source>
        <translation>Abordaje y opciones de CMI: lo que describen las fuentes</translation>
    </message>
    <message>
        <location filename="../ui/patient/welcome.py" line="151"/>
        <source>A few short questions. There are no wrong answers, and you can go back at any time. At the end you can print a page to show your surgeon.</source>
        <translation>Unas pocas preguntas cortas. No hay respuestas incorrectas y puede volver atrás cuando quiera. Al final puede imprimir una hoja para mostrársela a su cirujano.</translation>
    </message>
    <message>
        <location filename="../ui/patient/welcome.py" line="156"/>
        <source>&amp;Start</source>
        <translation>&amp;Empezar</translation>
    </message>
    <message>
        <location filename="../ui/patient/welcome.py" line="158"/>
        <source>Start</source>
        <translation>Empezar</translation>
    </message>
    <message>
        <location filename="../ui/patient/wizard.py" line="57"/>
        <source>misaid</source>
        <translation>misaid</translation>
    </message>
    <message>
        <location filename="../ui/patient/wizard.py" line="57"/>
        <location filename="../ui/shell.py" line="319"/>
        <location filename="../ui/shell.py" line="473"/>
        <source>misaid: surgery through small cuts</source>
        <translation>misaid: cirugía con cortes pequeños</translation>
    </message>
    <message>
        <location filename="../ui/patient/wizard.py" line="68"/>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <location filename="../ui/patient/wizard.py" line="68"/>
        <location filename="../ui/patient/wizard.py" line="166"/>
        <source>&amp;Next</source>
        <translation>&amp;Siguiente</translation>
    </message>
    <message>
        <location filename="../ui/patient/wizard.py" line="69"/>
        <source>Start &amp;over</source>
        <translation>Volver a &amp;empezar</translation>
    </message>
    <message>
        <location filename="../ui/patient/wizard.py" line="166"/>
        <source>&amp;Continue</source>
        <translation>&amp;Continuar</translation>
    </message>
    <message>
        <location filename="../ui/patient/wizard.py" line="212"/>
        <source>A few short questions. There are no wrong answers, and you can go back at any time. At the end you get a short code to show your surgeon.</source>
        <translation>Unas pocas preguntas cortas. No hay respuestas incorrectas y puede volver atrás cuando quiera. Al final recibirá un código corto para mostrárselo a su cirujano.</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="53"/>
        <location filename="../ui/shell.py" line="53"/>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="58"/>
        <source>A real option to weigh here</source>
        <translation>Una opción real a valorar aquí</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="58"/>
        <source>Not now: urgent care first</source>
        <translation>Ahora no: primero, atención urgente</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="65"/>
        <source>No procedure applies here, and you picked none.</source>
        <translation>Aquí no procede ningún procedimiento, y usted no eligió ninguno.</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="66"/>
        <source>No procedure applies here, so none of your picks apply.</source>
        <translation>Aquí no procede ningún procedimiento, así que no procede ninguno de los que eligió.</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="67"/>
        <source>You found the 1 procedure that applies.</source>
        <translation>Encontró el único procedimiento que procede.</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="68"/>
        <source>You did not find the 1 procedure that applies.</source>
        <translation>No encontró el único procedimiento que procede.</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="69"/>
        <source>You found %1 of the %2 procedures that apply.</source>
        <translation>Encontró %1 de los %2 procedimientos que proceden.</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="71"/>
        <source>You picked no procedure.</source>
        <translation>No eligió ningún procedimiento.</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="72"/>
        <source>Of the procedures you picked, %1 of %2 apply.</source>
        <translation>De los procedimientos que eligió, proceden %1 de %2.</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="86"/>
        <source>Practice cases</source>
        <translation>Casos de práctica</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="94"/>
        <source>&amp;Region:</source>
        <translation>&amp;Región:</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="95"/>
        <source>C&amp;ondition:</source>
        <translation>&amp;Diagnóstico:</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="99"/>
        <source>&amp;Finish</source>
        <translation>&amp;Terminar</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="100"/>
        <source>Finish and see the summary</source>
        <translation>Terminar y ver el resumen</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="132"/>
        <source>All</source>
        <translation>Cualquiera</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="156"/>
        <source>Which MIS procedures do the sources bring up here?</source>
        <translation>¿Qué procedimientos de CMI mencionan las fuentes aquí?</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="158"/>
        <source>Tools and techniques (shown after Check, not scored)</source>
        <translation>Herramientas y técnicas (se muestran tras Comprobar; no puntúan)</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="195"/>
        <source>Your call: care without surgery, and how each approach fits</source>
        <translation>Su valoración: tratamiento conservador y adecuación de cada abordaje</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="246"/>
        <source>&amp;Check</source>
        <translation>&amp;Comprobar</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="248"/>
        <source>Check my answer</source>
        <translation>Comprobar mi respuesta</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="250"/>
        <source>&amp;Next case</source>
        <translation>Caso &amp;siguiente</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="251"/>
        <source>Next case</source>
        <translation>Caso siguiente</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="269"/>
        <source>What differs from the sources</source>
        <translation>En qué difiere de las fuentes</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="270"/>
        <source>Teaching note</source>
        <translation>Nota docente</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="278"/>
        <source>Session summary</source>
        <translation>Resumen de la sesión</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="282"/>
        <source>Start &amp;again</source>
        <translation>Empezar de &amp;nuevo</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="284"/>
        <source>Start a new practice session</source>
        <translation>Empezar una nueva sesión de práctica</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="286"/>
        <source>&amp;Export scores as CSV…</source>
        <translation>&amp;Exportar puntuaciones como CSV…</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="287"/>
        <source>Export scores as CSV</source>
        <translation>Exportar puntuaciones como CSV</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="370"/>
        <source>Still to judge: %1. Choose one answer on each of these rows, then press Check.</source>
        <translation>Falta por valorar: %1. Elija una respuesta en cada una de estas filas y pulse Comprobar.</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="384"/>
        <source>✓ Agrees with the sources: %1</source>
        <translation>✓ Coincide con las fuentes: %1</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="385"/>
        <source>✗ The sources say: %1</source>
        <translation>✗ Las fuentes dicen: %1</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="388"/>
        <source>%1: agrees with the sources</source>
        <translation>%1: coincide con las fuentes</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="389"/>
        <source>%1: the sources say %2</source>
        <translation>%1: las fuentes dicen %2</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="390"/>
        <source>%1 of %2 judgements agree with the sources.</source>
        <translation>%1 de %2 valoraciones coinciden con las fuentes.</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="396"/>
        <source>Also relevant tools (not scored): %1</source>
        <translation>Herramientas también relevantes (no puntúan): %1</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="416"/>
        <source>%1: you said “%2”; the sources say “%3”.</source>
        <translation>%1: usted dijo «%2»; las fuentes dicen «%3».</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="418"/>
        <source>%1: not judged; the sources say “%2”.</source>
        <translation>%1: sin valorar; las fuentes dicen «%2».</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="420"/>
        <source>Procedures that apply and you missed: %1.</source>
        <translation>Procedimientos que proceden y que no eligió: %1.</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="422"/>
        <source>Procedures you picked that don&apos;t apply here: %1.</source>
        <translation>Procedimientos que eligió y que aquí no proceden: %1.</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="425"/>
        <source>Nothing: all four judgements and the procedures agree with the sources.</source>
        <translation>Nada: las cuatro valoraciones y los procedimientos coinciden con las fuentes.</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="431"/>
        <source>Case %1 of %2</source>
        <translation>Caso %1 de %2</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="433"/>
        <source>%1 of %2 cases done · %3 of %4 judgements agree · of the procedures you picked, %5 apply · you found %6 of the procedures that apply</source>
        <translation>%1 de %2 casos hechos · %3 de %4 valoraciones coinciden · de los procedimientos que eligió, procede el %5 · encontró el %6 de los que proceden</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="444"/>
        <source>You worked through %1 cases.</source>
        <translation>Ha resuelto %1 casos.</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="444"/>
        <source>You worked through 1 case.</source>
        <translation>Ha resuelto 1 caso.</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="446"/>
        <source>Judgements that agree with the sources: %1 of %2 (%3).</source>
        <translation>Valoraciones que coinciden con las fuentes: %1 de %2 (%3).</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="448"/>
        <source>Procedures: on average %1 of those you picked apply, and you found %2 of those that apply. Generic tools were not scored.</source>
        <translation>Procedimientos: de media, procede el %1 de los que eligió, y encontró el %2 de los que proceden. Las herramientas genéricas no puntuaron.</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="452"/>
        <source>No case was checked in this session.</source>
        <translation>En esta sesión no se comprobó ningún caso.</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="454"/>
        <source>You have seen every case for these filters.</source>
        <translation>Ha visto todos los casos de estos filtros.</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="462"/>
        <source>Export scores</source>
        <translation>Exportar puntuaciones</translation>
    </message>
    <message>
        <location filename="../ui/practice/view.py" line="463"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/shell.py" line="90"/>
        <source>Smaller text</source>
        <translation>Texto más pequeño</translation>
    </message>
    <message>
        <location filename="../ui/shell.py" line="91"/>
        <source>Larger text</source>
        <translation>Texto más grande</translation>
    </message>
    <message>
        <location filename="../ui/shell.py" line="101"/>
        <source>Text size: %1</source>
        <translation>Tamaño del texto: %1</translation>
    </message>
    <message>
        <location filename="../ui/shell.py" line="189"/>
        <source>Welcome to misaid</source>
        <translation>Le damos la bienvenida a misaid</translation>
    </message>
    <message>
        <location filename="../ui/shell.py" line="192"/>
        <source>Who is using it today?</source>
        <translation>¿Quién lo usa hoy?</translation>
    </message>
    <message>
        <location filename="../ui/shell.py" line="197"/>
        <source>I&apos;m a patient</source>
        <translation>Soy paciente</translation>
    </message>
    <message>
        <location filename="../ui/shell.py" line="198"/>
        <source>A few short questions, then what the sources say about surgery through small cuts</source>
        <translation>Unas preguntas cortas y, luego, lo que dicen las fuentes sobre la cirugía con cortes pequeños</translation>
    </message>
    <message>
        <location filename="../ui/shell.py" line="199"/>
        <source>Consultation (clinician)</source>
        <translation>Consulta (personal clínico)</translation>
    </message>
    <message>
        <location filename="../ui/shell.py" line="200"/>
        <source>Every question on one screen, with reasons, sources and pictures to show</source>
        <translation>Todas las preguntas en una pantalla, con motivos, fuentes e imágenes para mostrar</translation>
    </message>
    <message>
        <location filename="../ui/shell.py" line="201"/>
        <source>Practice cases (student)</source>
        <translation>Casos de práctica (estudiante)</translation>
    </message>
    <message>
        <location filename="../ui/shell.py" line="202"/>
        <source>Read a case, choose the approach and options, and see how you did</source>
        <translation>Lea un caso, elija el abordaje y las opciones, y vea cómo lo ha hecho</translation>
    </message>
    <message>
        <location filename="../ui/shell.py" line="221"/>
        <source>Getting ready…</source>
        <translation>Preparando…</translation>
    </message>
    <message>
        <location filename="../ui/shell.py" line="280"/>
        <source>← Back to the start screen</source>
        <translation>← Volver a la pantalla de inicio</translation>
    </message>
    <message>
        <location filename="../ui/shell.py" line="281"/>
        <source>Back to the start screen</source>
        <translation>Volver a la pantalla de inicio</translation>
    </message>
    <message>
        <location filename="../ui/shell.py" line="465"/>
        <source>misaid: consultation</source>
        <translation>misaid: consulta</translation>
    </message>
    <message>
        <location filename="../ui/shell.py" line="467"/>
        <source>misaid: practice cases</source>
        <translation>misaid: casos de práctica</translation>
    </message>
    <message>
        <location filename="../ui/shell.py" line="472"/>
        <source>misaid: what the sources say</source>
        <translation>misaid: lo que dicen las fuentes</translation>
    </message>
</context>
</TS>
