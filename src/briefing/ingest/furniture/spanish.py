"""Spanish page furniture."""

from __future__ import annotations

SECTION = (
    r"(?:lee|lea|leer) también|(?:ver|véase) también|(?:también )?te (?:puede|pueden) interesar"
    r"|(?:quizás|quizá) te interese|te recomendamos|recomendad[oa]s(?: para ti)?",
    r"(?:noticias|artículos|contenidos) relacionad[oa]s|relacionad[oa]s",
    r"lo (?:más|último) (?:leído|visto|compartido|comentado)|lo último"
    r"|(?:las )?más (?:leídas|vistas|compartidas|comentadas)"
    r"|(?:los )?más (?:leídos|vistos|compartidos|comentados)",
    r"(?:últimas|otras) noticias|noticias destacadas"
    r"|más (?:noticias|artículos)(?: (?:de|sobre|en) [\w ]{1,40})?",
)

LABEL = (
    r"temas|etiquetas|archivado en|categorías|en este artículo",
    # comments
    r"comentarios?(?: \(\d+\))?(?: \d+)?|(?:deja|escribe|añade) (?:un|tu) comentario"
    r"|ver (?:los |todos los )?comentarios|comentar",
    r"síguenos(?: en [\w ]{1,30})?|sobre (?:el|la) autora?|acerca del autor",
)

END = (
    r".{0,60}todos los derechos reservados.*",
    r"aviso legal|política de (?:privacidad|cookies)|configuración de (?:cookies|privacidad)"
    r"|condiciones (?:generales|de uso)[\w ]*|contacto|contacta con nosotros|contáctanos"
    r"|quiénes somos|mapa (?:web|del sitio)|trabaja con nosotros|accesibilidad",
)

FURNITURE = (
    # player widgets, timestamps and counters
    r"duración\s*\d{1,2}:\d{2}(?::\d{2})?|\d+ min(?:utos?)? de lectura"
    r"|(?:tiempo de )?lectura:? \d+ min(?:utos?)?|escuchar(?: la noticia| este artículo)?",
    r"\d+ comentarios?|hace \d+ (?:minutos?|horas?|días?|semanas?)|hoy|ayer|ahora",
    r"responder|denunciar|me gusta|ordenar por:?(?: \w+)?",
    # navigation chrome
    r"(?:ir|saltar) al contenido(?: principal)?|ir a (?:la )?navegación|ir al menú(?: principal)?"
    r"|volver arriba|menú(?: principal)?|buscar|buscador|cerrar|portada|inicio|estás en:?",
    r"ver más|ver todos?|ver todas|cargar más|mostrar más|(?:seguir|sigue) leyendo|leer más|más",
    r"(?:iniciar|cerrar) sesión|acceder|entrar|regístrate|registrarse|mi cuenta|suscríbete"
    r"|suscribirse|suscribirme|suscripción|hazte suscriptor|edición impresa|hemeroteca|kiosko",
    r"página \d+ de \d+|página (?:siguiente|anterior)|(?:noticia|artículo) (?:siguiente|anterior)",
    # newsletters, apps
    r"boletín(?:es)?(?: (?:diario|semanal|de noticias))?|apúntate(?: gratis)?"
    r"|introduce tu (?:correo|email|e-mail).*|(?:tu )?correo electrónico"
    r"|descarga (?:nuestra|la) app",
    # sharing
    r"compartir(?: en [\w ]+| por [\w ]+| esta noticia| este artículo)?"
    r"|comparte(?: esta noticia| este artículo)?|copiar (?:el )?(?:enlace|link)|enlace copiado"
    r"|imprimir|guardar|enviar(?: por (?:correo|email|e-mail))?",
    r"(?:temas|etiquetas)\s*:.{1,200}",
    # advertising
    r"publicidad|contenido patrocinado|patrocinado|ofrecido por [\w ]{1,40}",
    # images
    r"(?:imagen|foto) \d+ de \d+.*|ampliar(?: imagen| foto)?|(?:fotografía|imagen|fuente)\s*:.*"
    r"|galería(?: de fotos)?",
    # cookies
    r"aceptar(?: y (?:cerrar|continuar)| todas?(?: las cookies)?| cookies)?"
    r"|rechazar(?: todas?(?: las cookies)?| cookies)?|configurar(?: cookies)?"
    r"|gestionar (?:cookies|preferencias)|más información",
)
