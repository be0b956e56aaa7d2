/* icc-article-import-html.c
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Web pages: libxml2's HTML parser makes the tree (it recovers from broken
 * markup as browsers do, and decodes entities); the text is that of the
 * first <article>, else <main>, else the body, without what is not the
 * article's; the metadata come from <meta>, <title>, <link rel=canonical>,
 * <h1> and <time>. Trees are walked without recursion.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "icc-article-import-private.h"

typedef enum
{
  WALK_CHILDREN,
  WALK_SKIP,
  WALK_STOP,
} WalkAction;

typedef WalkAction (*EnterFunc) (xmlNode  *node,
                                 gpointer  user_data);
typedef void       (*LeaveFunc) (xmlNode  *node,
                                 gpointer  user_data);

/* Visits @root and what is under it in document order, without recursion
 * (pages can nest elements deeper than the stack allows). @leave is called
 * for the nodes @enter returned WALK_CHILDREN for, after their children. */
static void
walk (xmlNode   *root,
      EnterFunc  enter,
      LeaveFunc  leave,
      gpointer   user_data)
{
  xmlNode *node = root;

  while (node != NULL)
    {
      WalkAction action = enter (node, user_data);

      if (action == WALK_STOP)
        return;

      if (action == WALK_CHILDREN && node->children != NULL)
        {
          node = node->children;
          continue;
        }

      if (action == WALK_CHILDREN && leave != NULL)
        leave (node, user_data);

      while (node != root && node->next == NULL)
        {
          node = node->parent;
          if (leave != NULL)
            leave (node, user_data);
        }

      node = node != root ? node->next : NULL;
    }
}

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (a, *(const char * const *)b);
}

static gboolean
name_in (const xmlNode      *node,
         const char * const *sorted_names,
         gsize               n_names)
{
  return node->type == XML_ELEMENT_NODE && node->name != NULL &&
         bsearch (node->name, sorted_names, n_names, sizeof (char *), compare_names) != NULL;
}

static gboolean
is_element (const xmlNode *node,
            const char    *name)
{
  return node->type == XML_ELEMENT_NODE && node->name != NULL &&
         strcmp ((const char *)node->name, name) == 0;
}

/* An attribute's value, or NULL; free with xmlFree(). */
static char *
get_attribute (const xmlNode *node,
               const char    *name)
{
  return (char *)xmlGetProp (node, (const xmlChar *)name);
}

static gboolean
attribute_is (const xmlNode *node,
              const char    *name,
              const char    *value)
{
  char *actual;
  gboolean is;

  if (xmlHasProp (node, (const xmlChar *)name) == NULL)
    return FALSE;

  actual = get_attribute (node, name);
  is = actual != NULL && g_ascii_strcasecmp (g_strstrip (actual), value) == 0;
  xmlFree (actual);

  return is;
}

/* Whether an element's style hides it ("display: none"). */
static gboolean
style_hides (const xmlNode *node)
{
  char *style;
  gboolean hides = FALSE;

  if (xmlHasProp (node, (const xmlChar *)"style") == NULL)
    return FALSE;

  style = get_attribute (node, "style");
  if (style != NULL)
    {
      GString *compact = g_string_new (NULL);

      for (const char *p = style; *p != '\0'; p++)
        if (!g_ascii_isspace (*p))
          g_string_append_c (compact, g_ascii_tolower (*p));
      hides = strstr (compact->str, "display:none") != NULL;
      g_string_free (compact, TRUE);
    }
  xmlFree (style);

  return hides;
}

/* Elements whose text is not the article's, wherever they are. <head> is
 * not one: what it may hold has no text or is skipped (<title>, <style>,
 * <script>, <noscript>, <template>), and libxml2's HTML 4 parser puts the
 * HTML5 elements it does not know into it when a page without <body> starts
 * with <meta> ("<meta charset=utf-8><article>…"). */
static gboolean
is_skipped (const xmlNode *node)
{
  static const char * const skipped[] = {
    "aside", "audio", "button", "canvas", "embed", "footer", "form", "frameset", "iframe",
    "nav", "noframes", "noscript", "object", "script", "select", "style", "svg", "template",
    "textarea", "title", "video",
  };

  if (node->type != XML_ELEMENT_NODE)
    return FALSE;

  return name_in (node, skipped, G_N_ELEMENTS (skipped)) ||
         xmlHasProp (node, (const xmlChar *)"hidden") != NULL ||
         attribute_is (node, "aria-hidden", "true") ||
         style_hides (node);
}

static gboolean
is_block (const xmlNode *node)
{
  static const char * const blocks[] = {
    "address", "article", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "ol",
    "optgroup", "option", "p", "pre", "section", "summary", "table", "tbody", "tfoot",
    "thead", "tr", "ul",
  };

  return name_in (node, blocks, G_N_ELEMENTS (blocks));
}

/* The text of a page, as paragraphs. */
typedef struct
{
  GString *out;
  guint    pre_depth;
  guint    pending_breaks;
  gboolean pending_space;
} Extractor;

static void
extractor_flush (Extractor *self)
{
  if (self->out->len > 0)
    {
      if (self->pending_breaks > 0)
        g_string_append_len (self->out, "\n\n", MIN (self->pending_breaks, 2));
      else if (self->pending_space)
        g_string_append_c (self->out, ' ');
    }

  self->pending_breaks = 0;
  self->pending_space = FALSE;
}

static void
extractor_add_text (Extractor  *self,
                    const char *text)
{
  const char *p = text;

  if (text == NULL || *text == '\0')
    return;

  if (self->pre_depth > 0)
    {
      extractor_flush (self);
      g_string_append (self->out, text);
      return;
    }

  /* HTML's white space (not the no-break space) collapses to one space. */
  while (*p != '\0')
    {
      gsize spaces = strspn (p, " \t\n\r\f");
      gsize word;

      if (spaces > 0)
        {
          self->pending_space = TRUE;
          p += spaces;
        }

      word = strcspn (p, " \t\n\r\f");
      if (word > 0)
        {
          extractor_flush (self);
          g_string_append_len (self->out, p, word);
          p += word;
        }
    }
}

static WalkAction
extract_enter (xmlNode  *node,
               gpointer  user_data)
{
  Extractor *self = user_data;

  switch (node->type)
    {
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
      extractor_add_text (self, (const char *)node->content);
      return WALK_SKIP;

    case XML_ELEMENT_NODE:
      break;

    default:
      return WALK_SKIP;
    }

  if (is_skipped (node))
    return WALK_SKIP;

  if (is_element (node, "br"))
    {
      /* A line break; two make a paragraph break. */
      self->pending_breaks = MIN (self->pending_breaks + 1, 2);
      return WALK_SKIP;
    }

  if (is_block (node))
    self->pending_breaks = 2;
  else if (is_element (node, "td") || is_element (node, "th"))
    self->pending_space = TRUE;

  if (is_element (node, "pre"))
    self->pre_depth++;

  return WALK_CHILDREN;
}

static void
extract_leave (xmlNode  *node,
               gpointer  user_data)
{
  Extractor *self = user_data;

  if (node->type != XML_ELEMENT_NODE)
    return;

  if (is_block (node))
    self->pending_breaks = 2;
  else if (is_element (node, "td") || is_element (node, "th"))
    self->pending_space = TRUE;

  if (is_element (node, "pre") && self->pre_depth > 0)
    self->pre_depth--;
}

static char *
extract_text (xmlNode *root)
{
  g_autoptr(GString) out = g_string_new (NULL);
  Extractor extractor = { out, 0, 0, FALSE };

  walk (root, extract_enter, extract_leave, &extractor);

  if (!g_utf8_validate (out->str, out->len, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (out->str, out->len);

      return _icc_article_import_normalize (valid, strlen (valid));
    }

  return _icc_article_import_normalize (out->str, out->len);
}

/* The first element named @name, with @attribute when not NULL, under
 * @root and not in a skipped element. */
typedef struct
{
  const char *name;
  const char *attribute;
  xmlNode    *found;
} Finder;

static WalkAction
find_enter (xmlNode  *node,
            gpointer  user_data)
{
  Finder *self = user_data;

  if (node->type != XML_ELEMENT_NODE || is_skipped (node))
    return WALK_SKIP;

  if (is_element (node, self->name) &&
      (self->attribute == NULL || xmlHasProp (node, (const xmlChar *)self->attribute) != NULL))
    {
      self->found = node;
      return WALK_STOP;
    }

  return WALK_CHILDREN;
}

static xmlNode *
find_element (xmlNode    *root,
              const char *name,
              const char *attribute)
{
  Finder finder = { name, attribute, NULL };

  if (root != NULL)
    walk (root, find_enter, NULL, &finder);

  return finder.found;
}

/* Metadata, in the order they are preferred. */
typedef enum
{
  META_TITLE,
  META_TITLE_ELEMENT,
  META_AUTHOR,
  META_ARTICLE_AUTHOR,
  META_OG_AUTHOR,
  META_PUBLISHED_TIME,
  META_DATE,
  META_DATE_PUBLISHED,
  META_DC_DATE,
  META_CANONICAL,
  META_OG_URL,
  META_SITE_NAME,
  N_META
} MetaSlot;

typedef struct
{
  char *values[N_META];
} Metadata;

static void
metadata_set (Metadata   *self,
              MetaSlot    slot,
              const char *value)
{
  if (self->values[slot] == NULL)
    self->values[slot] = _icc_article_import_clean_line (value, -1);
}

static void
metadata_add_meta (Metadata *self,
                   xmlNode  *node)
{
  static const struct
  {
    const char *key;
    MetaSlot    slot;
  } keys[] = {
    { "og:title", META_TITLE },
    { "author", META_AUTHOR },
    { "article:author", META_ARTICLE_AUTHOR },
    { "og:article:author", META_OG_AUTHOR },
    { "article:published_time", META_PUBLISHED_TIME },
    { "og:article:published_time", META_PUBLISHED_TIME },
    { "date", META_DATE },
    { "datepublished", META_DATE_PUBLISHED },
    { "dc.date", META_DC_DATE },
    { "dcterms.date", META_DC_DATE },
    { "og:url", META_OG_URL },
    { "og:site_name", META_SITE_NAME },
  };
  static const char * const key_attributes[] = { "property", "name", "itemprop" };
  char *content;

  if (xmlHasProp (node, (const xmlChar *)"content") == NULL)
    return;

  content = get_attribute (node, "content");

  for (gsize a = 0; a < G_N_ELEMENTS (key_attributes); a++)
    {
      char *key;

      if (xmlHasProp (node, (const xmlChar *)key_attributes[a]) == NULL)
        continue;

      key = get_attribute (node, key_attributes[a]);
      if (key != NULL)
        {
          g_strstrip (key);
          for (gsize k = 0; k < G_N_ELEMENTS (keys); k++)
            if (g_ascii_strcasecmp (key, keys[k].key) == 0)
              metadata_set (self, keys[k].slot, content);
        }
      xmlFree (key);
    }

  xmlFree (content);
}

static WalkAction
metadata_enter (xmlNode  *node,
                gpointer  user_data)
{
  Metadata *self = user_data;

  if (node->type != XML_ELEMENT_NODE)
    return WALK_SKIP;

  if (is_element (node, "meta"))
    metadata_add_meta (self, node);
  else if (is_element (node, "title"))
    {
      xmlChar *content = xmlNodeGetContent (node);

      metadata_set (self, META_TITLE_ELEMENT, (const char *)content);
      xmlFree (content);
      return WALK_SKIP;
    }
  else if (is_element (node, "link") && self->values[META_CANONICAL] == NULL)
    {
      char *rel = get_attribute (node, "rel");

      if (rel != NULL)
        {
          g_auto(GStrv) tokens = g_strsplit_set (rel, " \t\n\r\f", -1);

          for (guint i = 0; tokens[i] != NULL; i++)
            if (g_ascii_strcasecmp (tokens[i], "canonical") == 0)
              {
                char *href = get_attribute (node, "href");

                metadata_set (self, META_CANONICAL, href);
                xmlFree (href);
                break;
              }
        }
      xmlFree (rel);
    }
  else if (is_element (node, "svg") || is_element (node, "script") ||
           is_element (node, "style") || is_element (node, "template"))
    return WALK_SKIP;

  return WALK_CHILDREN;
}

static void
metadata_clear (Metadata *self)
{
  for (guint i = 0; i < N_META; i++)
    g_clear_pointer (&self->values[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Metadata, metadata_clear)

/* An element's text on one line. */
static char *
element_line (xmlNode *node)
{
  g_autofree char *text = NULL;

  if (node == NULL)
    return NULL;

  text = extract_text (node);
  return _icc_article_import_clean_line (text, -1);
}

/* The first of @values that is a web address, else the first at all. */
static char *
choose_url (const char *canonical,
            const char *og_url)
{
  if (icc_article_is_web_url (canonical))
    return g_strdup (canonical);
  if (icc_article_is_web_url (og_url))
    return g_strdup (og_url);

  return g_strdup (canonical != NULL ? canonical : og_url);
}

gboolean
_icc_article_import_html (const char  *data,
                          gsize        len,
                          const char  *name,
                          IccImportResult    *imported,
                          GError     **error)
{
  g_auto(Metadata) metadata = { { NULL } };
  xmlDoc *doc;
  xmlNode *html;
  xmlNode *candidates[4];
  xmlNode *root = NULL;
  xmlNode *time;

  doc = htmlReadMemory (data, (int)len, NULL, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
  html = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (html == NULL)
    {
      gboolean blank = TRUE;

      for (gsize i = 0; i < len && blank; i++)
        blank = g_ascii_isspace (data[i]);

      /* No document from something is the parser giving up; no element in
       * a document is a page without text (only comments, say). */
      if (doc == NULL && !blank)
        _icc_article_import_set_parse_error (error, name);
      else
        _icc_article_import_set_empty_error (error, name);
      g_clear_pointer (&doc, xmlFreeDoc);
      return FALSE;
    }

  walk (html, metadata_enter, NULL, &metadata);

  /* The first <article>, else <main>, else the body: the first of them
   * that has text. */
  candidates[0] = find_element (html, "article", NULL);
  candidates[1] = find_element (html, "main", NULL);
  candidates[2] = find_element (html, "body", NULL);
  candidates[3] = html;
  for (guint i = 0; i < G_N_ELEMENTS (candidates) && imported->text == NULL; i++)
    {
      g_autofree char *text = NULL;

      if (candidates[i] == NULL)
        continue;

      text = extract_text (candidates[i]);
      if (*text != '\0')
        {
          root = candidates[i];
          imported->text = g_steal_pointer (&text);
        }
    }

  if (imported->text == NULL)
    {
      xmlFreeDoc (doc);
      _icc_article_import_set_empty_error (error, name);
      return FALSE;
    }

  imported->title = g_strdup (metadata.values[META_TITLE]);
  if (imported->title == NULL)
    imported->title = g_strdup (metadata.values[META_TITLE_ELEMENT]);
  if (imported->title == NULL)
    imported->title = element_line (find_element (root, "h1", NULL));
  if (imported->title == NULL)
    imported->title = element_line (find_element (html, "h1", NULL));
  if (imported->title == NULL)
    imported->title = _icc_article_import_title_from_text (imported->text);

  /* article:author is often the address of the author's page. */
  for (MetaSlot slot = META_AUTHOR; slot <= META_OG_AUTHOR && imported->author == NULL; slot++)
    if (metadata.values[slot] != NULL && !icc_article_is_web_url (metadata.values[slot]))
      imported->author = g_strdup (metadata.values[slot]);

  for (MetaSlot slot = META_PUBLISHED_TIME; slot <= META_DC_DATE; slot++)
    if (_icc_article_import_parse_date (metadata.values[slot], &imported->date))
      break;

  time = find_element (root, "time", "datetime");
  if (!icc_date_is_set (&imported->date) && time != NULL)
    {
      char *datetime = get_attribute (time, "datetime");

      _icc_article_import_parse_date (datetime, &imported->date);
      xmlFree (datetime);
    }

  imported->url = choose_url (metadata.values[META_CANONICAL], metadata.values[META_OG_URL]);
  imported->outlet = g_strdup (metadata.values[META_SITE_NAME]);

  if (name != NULL)
    imported->edit_note = g_strdup_printf (_("Imported from the web page “%s”: only the text "
                                             "of its article is kept, without menus, scripts "
                                             "and other page furniture."), name);

  xmlFreeDoc (doc);

  return TRUE;
}
