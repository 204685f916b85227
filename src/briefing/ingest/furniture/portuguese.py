"""Portuguese page furniture (Portugal's wording and Brazil's)."""

from __future__ import annotations

SECTION = (
    r"(?:leia|ler|veja|ver) também|leia mais|ler mais|saiba mais",
    r"(?:notícias|artigos) relacionad[oa]s|relacionad[oa]s"
    r"|(?:as )?mais (?:lidas|vistas|partilhadas|compartilhadas|comentadas|populares)"
    r"|(?:os )?mais (?:lidos|vistos|partilhados|compartilhados|comentados)",
    r"(?:últimas|outras) notícias|recomendad[oa]s(?: para si| para você)?"
    r"|(?:também )?(?:lhe )?pode interessar|pode (?:também )?interessar-lhe"
    r"|(?:você )?(?:também )?pode gostar|em destaque|destaques"
    r"|mais (?:notícias|artigos)(?: (?:de|sobre|em) [\w ]{1,40})?",
)

LABEL = (
    r"tópicos|temas|etiquetas|assuntos|categorias|neste artigo",
    # comments
    r"comentários?(?: \(\d+\))?(?: \d+)?|comentar|(?:deixe|escreva) (?:o seu |seu |um )?comentário"
    r"|ver (?:os |todos os )?comentários",
    r"(?:siga|segue)-nos(?: n[oa] [\w ]{1,30})?|sobre o autor",
)

END = (
    r".{0,60}todos os direitos reservados.*",
    r"estatuto editorial|ficha técnica|política de (?:privacidade|cookies)"
    r"|termos (?:e condições|de (?:uso|utilização))[\w ]*|condições (?:gerais|de utilização)[\w ]*"
    r"|contactos?|contacte-nos|fale con(?:n)?osco|quem somos|mapa do site|acessibilidade",
)

FURNITURE = (
    # player widgets, timestamps and counters
    r"duração\s*\d{1,2}:\d{2}(?::\d{2})?|\d+ min(?:utos?)? de leitura"
    r"|(?:tempo de )?leitura:? \d+ min(?:utos?)?|(?:ouvir|ouça)(?: este)? (?:artigo|notícia)",
    r"\d+ comentários?|há \d+ (?:minutos?|horas?|dias?|semanas?)|hoje|ontem|agora",
    r"responder|denunciar|gosto|(?:inicie sessão|entre|faça login) para (?:comentar|responder)\.?",
    # navigation chrome
    r"(?:saltar|ir|pular) para (?:o )?(?:conteúdo|navegação)(?: principal)?|voltar ao topo"
    r"|início|pesquisar|pesquisa|procurar|fechar|está em:?",
    r"entrar|sair|(?:iniciar|terminar) sessão|registar|registe-se|cadastre-se|(?:a )?minha conta"
    r"|assinar|assine(?: já)?|assinaturas?|subscrever|edição impressa|e-paper",
    r"ver mais|ver todos|ver tudo|carregar mais|mostrar mais|continuar a ler|continue lendo|mais",
    r"página \d+ de \d+|página (?:seguinte|anterior)|(?:artigo|notícia) (?:seguinte|anterior)",
    # newsletters, apps
    r"introduza o seu e-?mail.*|(?:o seu )?e-?mail|endereço de e-?mail|descarregue a app"
    r"|baixe o app",
    # sharing
    r"(?:partilhar|compartilhar)(?: n[oa] [\w ]+)?|partilhe|copiar (?:o )?(?:link|ligação)"
    r"|link copiado|imprimir|guardar|enviar por e-?mail",
    r"(?:tópicos|temas|etiquetas)\s*:.{1,200}",
    # advertising
    r"publicidade|conteúdo patrocinado|patrocinado|em parceria com [\w ]{1,40}",
    # images
    r"(?:imagem|foto) \d+ de \d+.*|ampliar(?: imagem| foto)?|(?:fotografia|imagem|fonte)\s*:.*"
    r"|galeria(?: de fotos| de imagens)?",
    # cookies
    r"aceitar(?: e fechar| todos| tudo| cookies)?|aceito|(?:rejeitar|recusar)(?: todos| tudo)?"
    r"|definições(?: de cookies)?|gerir (?:preferências|cookies|opções)|configurar cookies"
    r"|personalizar",
)
