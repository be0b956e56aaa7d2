/* test-article-import.c: articles from text, Markdown and web pages.
 *
 * Copyright 2026 The ICC Tracker Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "icc-article-import.h"

/* Helpers */

/* Valid UTF-8, no control characters but newline and tab, no CR, no
 * trailing white space on a line, no blank line at either end and no two
 * blank lines in a row: the shape every imported text has. */
static void
assert_normalized (const char *text)
{
  const char *p;

  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpint (text[0], !=, '\0');
  g_assert_cmpint (text[0], !=, '\n');
  g_assert_cmpint (text[strlen (text) - 1], !=, '\n');
  g_assert_null (strstr (text, "\n\n\n"));

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\t')
        continue;
      g_assert_false (g_unichar_iscntrl (c));
    }

  for (p = strchr (text, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    if (p > text)
      g_assert_false (p[-1] == ' ' || p[-1] == '\t');
}

static void
assert_id_shape (const char *id)
{
  g_assert_nonnull (id);
  g_assert_true (g_str_has_prefix (id, "imported"));
  g_assert_cmpuint (strlen (id), <=, 60);
  for (const char *p = id; *p != '\0'; p++)
    g_assert_true (g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-');
  g_assert_false (g_str_has_suffix (id, "-"));
  g_assert_null (strstr (id, "--"));
}

static IccArticle *
import_string (const char  *data,
               gssize       len,
               const char  *filename,
               GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len < 0 ? strlen (data) : (gsize)len);
  IccArticle *article = icc_article_import_bytes (bytes, filename, error);

  if (article != NULL)
    {
      assert_normalized (icc_article_get_text (article));
      assert_id_shape (icc_article_get_id (article));
    }

  return article;
}

static IccArticle *
import_ok (const char *data,
           gssize      len,
           const char *filename)
{
  g_autoptr(GError) error = NULL;
  IccArticle *article = import_string (data, len, filename, &error);

  g_assert_no_error (error);
  g_assert_nonnull (article);

  return article;
}

static void
assert_import_fails (const char *data,
                     gssize      len,
                     const char *filename,
                     int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IccArticle) article = import_string (data, len, filename, &error);

  g_assert_error (error, ICC_ARTICLE_IMPORT_ERROR, code);
  g_assert_null (article);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (filename != NULL)
    {
      g_autofree char *quoted = g_strdup_printf ("“%s”", filename);

      g_assert_nonnull (strstr (error->message, quoted));
    }
}

static void
assert_date (IccArticle *article,
             const char *iso)
{
  g_autofree char *actual = icc_date_to_iso (icc_article_get_date (article));

  g_assert_cmpstr (actual, ==, iso);
}

/* The contents of tests/data/import/@name. */
static char *
read_test_file (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static void
ready_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static IccArticle *
import_file (GFile   *file,
             GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  icc_article_import_file_async (file, NULL, ready_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return icc_article_import_file_finish (result, error);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("icc-test-import-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Plain text */

static void
test_text_crlf (void)
{
  g_autoptr(IccArticle) article = NULL;

  article = import_ok ("\r\n  \r\nRussia quits the court  \r\n\r\nFirst paragraph,\r\n"
                       "second line.\t \r\n\r\n\r\n\r\n\rSecond\x01 paragraph\x7f.\r\r\n \r\n",
                       -1, "article.txt");
  g_assert_cmpstr (icc_article_get_text (article), ==,
                   "Russia quits the court\n\nFirst paragraph,\nsecond line.\n\n"
                   "Second paragraph.");
  g_assert_cmpstr (icc_article_get_title (article), ==, "Russia quits the court");
  g_assert_cmpstr (icc_article_get_id (article), ==, "imported-russia-quits-the-court");
  g_assert_null (icc_article_get_author (article));
  g_assert_null (icc_article_get_url (article));
  g_assert_false (icc_date_is_set (icc_article_get_date (article)));
}

static void
test_text_indent_and_unicode (void)
{
  g_autoptr(IccArticle) article = NULL;

  /* Indentation stays; C1 controls and a stray byte order mark go; a
   * no-break space at a line's end is white space; U+2029 separates
   * paragraphs. */
  article = import_ok ("\xef\xbb\xbf" "Title\xc2\xa0\n    indented\xc2\x85quote\xe2\x80\xa9"
                       "next\xef\xbb\xbf paragraph", -1, "x.txt");
  g_assert_cmpstr (icc_article_get_text (article), ==,
                   "Title\n    indented\nquote\n\nnext paragraph");
  g_assert_cmpstr (icc_article_get_title (article), ==, "Title");
}

static void
test_text_long_title (void)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(IccArticle) article = NULL;
  const char *title;

  while (line->len < 400)
    g_string_append (line, "Withdrawal from the Rome Statute, ");
  g_string_append (line, "\n\nBody.");

  article = import_ok (line->str, -1, "long.txt");
  title = icc_article_get_title (article);
  g_assert_true (g_str_has_suffix (title, "…"));
  g_assert_cmpint (g_utf8_strlen (title, -1), <=, 121);
  g_assert_cmpint (g_utf8_strlen (title, -1), >=, 60);
  /* Cut at a word, without the comma before it. */
  g_assert_true (g_str_has_suffix (title, "Statute…") || g_str_has_suffix (title, "the…") ||
                 g_str_has_suffix (title, "from…") || g_str_has_suffix (title, "Rome…") ||
                 g_str_has_suffix (title, "Withdrawal…"));
  /* The text stays whole. */
  g_assert_true (g_str_has_prefix (icc_article_get_text (article), "Withdrawal from the Rome"));
  g_assert_cmpuint (strlen (icc_article_get_text (article)), >, 400);
}

static void
test_text_latin1 (void)
{
  /* "Café" in Latin-1: not UTF-8, and a text file declares nothing. */
  assert_import_fails ("Caf\xe9 de la Paix\n", -1, "latin1.txt",
                       ICC_ARTICLE_IMPORT_ERROR_ENCODING);
  assert_import_fails ("Caf\xe9 de la Paix\n", -1, "latin1.md",
                       ICC_ARTICLE_IMPORT_ERROR_ENCODING);
  /* Sniffed as text. */
  assert_import_fails ("Caf\xe9 de la Paix\n", -1, NULL, ICC_ARTICLE_IMPORT_ERROR_ENCODING);
}

static void
test_text_utf16 (void)
{
  const char *utf8 = "Le Statut de Rome\r\n\r\nLa Russie retire sa signature « vite ».";
  g_autoptr(GError) error = NULL;
  g_autofree char *le = NULL;
  g_autofree char *be = NULL;
  gsize le_len, be_len;
  g_autoptr(GString) data = g_string_new (NULL);

  le = g_convert (utf8, -1, "UTF-16LE", "UTF-8", NULL, &le_len, &error);
  g_assert_no_error (error);
  be = g_convert (utf8, -1, "UTF-16BE", "UTF-8", NULL, &be_len, &error);
  g_assert_no_error (error);

  g_string_append_len (data, "\xff\xfe", 2);
  g_string_append_len (data, le, le_len);
  {
    g_autoptr(IccArticle) article = import_ok (data->str, data->len, "utf16.txt");

    g_assert_cmpstr (icc_article_get_text (article), ==,
                     "Le Statut de Rome\n\nLa Russie retire sa signature « vite ».");
    g_assert_cmpstr (icc_article_get_title (article), ==, "Le Statut de Rome");
  }

  g_string_truncate (data, 0);
  g_string_append_len (data, "\xfe\xff", 2);
  g_string_append_len (data, be, be_len);
  {
    g_autoptr(IccArticle) article = import_ok (data->str, data->len, NULL);

    g_assert_cmpstr (icc_article_get_title (article), ==, "Le Statut de Rome");
  }

  /* An odd number of bytes is not UTF-16. */
  g_string_truncate (data, 0);
  g_string_append_len (data, "\xff\xfe", 2);
  g_string_append_len (data, le, le_len - 1);
  assert_import_fails (data->str, data->len, "odd.txt", ICC_ARTICLE_IMPORT_ERROR_ENCODING);
}

static void
test_text_empty (void)
{
  assert_import_fails ("", 0, "empty.txt", ICC_ARTICLE_IMPORT_ERROR_EMPTY);
  assert_import_fails (" \t\r\n\n \xc2\xa0\n", -1, "blank.txt", ICC_ARTICLE_IMPORT_ERROR_EMPTY);
  assert_import_fails ("\xef\xbb\xbf", 3, "bom.txt", ICC_ARTICLE_IMPORT_ERROR_EMPTY);
  assert_import_fails ("   ", -1, NULL, ICC_ARTICLE_IMPORT_ERROR_EMPTY);
  assert_import_fails ("\n\n", -1, "blank.md", ICC_ARTICLE_IMPORT_ERROR_EMPTY);
  assert_import_fails ("<html><body> \n </body></html>", -1, "blank.html",
                       ICC_ARTICLE_IMPORT_ERROR_EMPTY);
  assert_import_fails ("<html><body><script>x()</script></body></html>", -1, "script.html",
                       ICC_ARTICLE_IMPORT_ERROR_EMPTY);
  assert_import_fails ("", 0, "empty.html", ICC_ARTICLE_IMPORT_ERROR_EMPTY);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = g_bytes_new_static ("", 0);
    g_autoptr(IccArticle) article = icc_article_import_bytes (bytes, "x.txt", &error);

    g_assert_error (error, ICC_ARTICLE_IMPORT_ERROR, ICC_ARTICLE_IMPORT_ERROR_EMPTY);
    g_assert_cmpstr (error->message, ==, "“x.txt” has no text");
  }
}

static void
test_text_binary (void)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
  g_autoptr(GString) controls = g_string_new ("Some text ");

  assert_import_fails (png, sizeof png - 1, "picture.txt", ICC_ARTICLE_IMPORT_ERROR_NOT_TEXT);
  assert_import_fails (png, sizeof png - 1, "picture.html", ICC_ARTICLE_IMPORT_ERROR_NOT_TEXT);
  assert_import_fails (png, sizeof png - 1, NULL, ICC_ARTICLE_IMPORT_ERROR_NOT_TEXT);
  assert_import_fails ("text\0with a NUL", 15, "nul.txt", ICC_ARTICLE_IMPORT_ERROR_NOT_TEXT);

  /* Many control characters. */
  for (int i = 0; i < 40; i++)
    g_string_append (controls, "\x01\x02\x1b");
  assert_import_fails (controls->str, controls->len, "controls.txt",
                       ICC_ARTICLE_IMPORT_ERROR_NOT_TEXT);

  /* A NUL after a UTF-16 byte order mark. */
  assert_import_fails ("\xff\xfe" "A\0\0\0B\0", 8, "nul16.txt",
                       ICC_ARTICLE_IMPORT_ERROR_NOT_TEXT);
}

static void
test_text_too_large (void)
{
  gsize len = ICC_ARTICLE_IMPORT_MAX_SIZE + 1;
  g_autofree char *data = g_malloc (len);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IccArticle) article = NULL;

  memset (data, 'a', len);
  bytes = g_bytes_new_take (g_steal_pointer (&data), len);
  article = icc_article_import_bytes (bytes, "huge.txt", &error);
  g_assert_error (error, ICC_ARTICLE_IMPORT_ERROR, ICC_ARTICLE_IMPORT_ERROR_TOO_LARGE);
  g_assert_null (article);
  g_assert_nonnull (strstr (error->message, "“huge.txt”"));
}

static void
test_paste (void)
{
  g_autoptr(IccArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  article = icc_article_new_from_text ("\n\n  Russia’s decree: ICC withdrawal \r\n"
                                       "Text of the decree.\n\n\n", &error);
  g_assert_no_error (error);
  assert_normalized (icc_article_get_text (article));
  g_assert_cmpstr (icc_article_get_title (article), ==, "Russia’s decree: ICC withdrawal");
  g_assert_cmpstr (icc_article_get_text (article), ==,
                   "  Russia’s decree: ICC withdrawal\nText of the decree.");
  g_assert_cmpstr (icc_article_get_id (article), ==, "imported-russias-decree-icc-withdrawal");
  g_assert_null (icc_article_get_edit_note (article));

  g_clear_object (&article);
  article = icc_article_new_from_text (" \n\t\n", &error);
  g_assert_error (error, ICC_ARTICLE_IMPORT_ERROR, ICC_ARTICLE_IMPORT_ERROR_EMPTY);
  g_assert_null (article);
  g_clear_error (&error);

  article = icc_article_new_from_text ("caf\xe9", &error);
  g_assert_error (error, ICC_ARTICLE_IMPORT_ERROR, ICC_ARTICLE_IMPORT_ERROR_ENCODING);
  g_assert_null (article);
}

static void
test_suggest_id (void)
{
  g_autoptr(IccArticle) article = icc_article_new ("x");
  g_autofree char *id = NULL;
  IccDate date;

  id = icc_article_import_suggest_id (article);
  g_assert_cmpstr (id, ==, "imported");
  g_clear_pointer (&id, g_free);

  g_assert_true (icc_date_parse ("2016-11-16", &date, NULL));
  icc_article_set_date (article, &date);
  icc_article_set_title (article, "Russia withdraws signature");
  id = icc_article_import_suggest_id (article);
  g_assert_cmpstr (id, ==, "imported-2016-11-16-russia-withdraws-signature");
  g_clear_pointer (&id, g_free);

  /* Cut at a word, at most 60 characters; accents made ASCII. */
  icc_article_set_title (article, "Russia withdraws its signature from the Rome Statute of the "
                                  "International Criminal Court");
  id = icc_article_import_suggest_id (article);
  g_assert_cmpstr (id, ==, "imported-2016-11-16-russia-withdraws-its-signature-from-the");
  assert_id_shape (id);
  g_clear_pointer (&id, g_free);

  g_assert_true (icc_date_parse ("2016-11", &date, NULL));
  icc_article_set_date (article, &date);
  icc_article_set_title (article, "  Élysée : « Déclaration » — 2016!! ");
  id = icc_article_import_suggest_id (article);
  g_assert_cmpstr (id, ==, "imported-2016-11-elysee-declaration-2016");
  g_clear_pointer (&id, g_free);

  /* One word longer than the rest of the id. */
  icc_article_set_title (article, "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
  id = icc_article_import_suggest_id (article);
  assert_id_shape (id);
  g_assert_cmpuint (strlen (id), ==, 60);
  g_clear_pointer (&id, g_free);

  icc_article_set_title (article, "東京 ☃");
  id = icc_article_import_suggest_id (article);
  assert_id_shape (id);
}

/* Markdown */

static void
test_markdown_front_matter (void)
{
  g_autofree char *data = read_test_file ("front-matter.md");
  g_autoptr(IccArticle) article = import_ok (data, -1, "front-matter.md");

  g_assert_cmpstr (icc_article_get_title (article), ==,
                   "Russia withdraws signature from the Rome Statute");
  g_assert_cmpstr (icc_article_get_author (article), ==, "Ada Writer");
  g_assert_cmpstr (icc_article_get_url (article), ==, "https://news.example/russia-withdraws");
  assert_date (article, "2016-11-16");
  g_assert_cmpstr (icc_article_get_id (article), ==,
                   "imported-2016-11-16-russia-withdraws-signature-from-the-rome");
  g_assert_cmpstr (icc_article_get_text (article), ==,
                   "A heading that is not the title\n\n"
                   "Vladimir Putin ordered on Wednesday that Russia withdraw its\n"
                   "signature, said the foreign ministry.\n\n"
                   "Reactions\n\n"
                   "See the decree and the court's reply.\n\n"
                   "Three blank lines above collapse into one.");
  g_assert_nonnull (icc_article_get_edit_note (article));
}

static void
test_markdown_heading_title (void)
{
  g_autoptr(IccArticle) article = NULL;

  article = import_ok ("Intro line\r\n\r\n## Second level\n\n#   The **real** title   #\n\n"
                       "#hashtag is no heading\n\n```\n# a shell comment **kept**\n```\n"
                       "[unclosed link](http://x\n**", -1, "notes.markdown");
  g_assert_cmpstr (icc_article_get_title (article), ==, "The real title");
  g_assert_cmpstr (icc_article_get_text (article), ==,
                   "Intro line\n\nSecond level\n\nThe real title\n\n#hashtag is no heading\n\n"
                   "```\n# a shell comment **kept**\n```\n[unclosed link](http://x");

  /* No heading: the first line. A "---" that is a rule, not front matter. */
  g_clear_object (&article);
  article = import_ok ("---\nNot: front matter\nbecause of this line\n---\nText", -1, "r.md");
  g_assert_cmpstr (icc_article_get_title (article), ==, "---");
  g_assert_true (g_str_has_prefix (icc_article_get_text (article), "---\nNot: front matter"));

  /* Front matter with an impossible date. */
  g_clear_object (&article);
  article = import_ok ("---\ndate: 2016-02-30\ntitle: 'Quoted'\n---\n\nBody", -1, "d.md");
  g_assert_false (icc_date_is_set (icc_article_get_date (article)));
  g_assert_cmpstr (icc_article_get_title (article), ==, "Quoted");
  g_assert_cmpstr (icc_article_get_text (article), ==, "Body");
}

/* Web pages */

static void
assert_no_secret (const char *text)
{
  g_assert_null (strstr (text, "SECRET"));
  g_assert_null (strstr (text, "do not import"));
  g_assert_null (strstr (text, "color: red"));
}

static void
test_html_page (void)
{
  g_autofree char *data = read_test_file ("page.html");
  g_autoptr(IccArticle) article = import_ok (data, -1, "page.html");
  const char *text = icc_article_get_text (article);

  assert_no_secret (text);
  g_assert_null (strstr (text, "SECOND-ARTICLE"));
  g_assert_null (strstr (text, "SITE-HEADER"));
  g_assert_cmpstr (text, ==,
                   "Court leaves town\n\n"
                   "The first paragraph, with an inline link, an entity été and "
                   "a\xc2\xa0no-break space, and runs of white space.\n\n"
                   "Line one\nline two\n\nnew paragraph after two breaks.\n\n"
                   "code  line 1\n    indented line 2\n\n"
                   "First item\n\nSecond item\n\n"
                   "A quoted passage.\n\n"
                   "Published long ago.");

  g_assert_cmpstr (icc_article_get_title (article), ==, "Court leaves town & nobody notices");
  g_assert_cmpstr (icc_article_get_author (article), ==, "Ada Writer");
  g_assert_cmpstr (icc_article_get_outlet (article), ==, "The Example Gazette");
  g_assert_cmpstr (icc_article_get_url (article), ==,
                   "https://gazette.example/2016/11/16/court-leaves-town");
  assert_date (article, "2016-11-16");
  g_assert_cmpstr (icc_article_get_id (article), ==,
                   "imported-2016-11-16-court-leaves-town-nobody-notices");
  g_assert_nonnull (strstr (icc_article_get_edit_note (article), "“page.html”"));
}

static void
test_html_fallbacks (void)
{
  g_autoptr(IccArticle) article = NULL;

  /* No <article>: <main>; the title from <title>; the date from <time>. */
  article = import_ok ("<html><head><title> A\n  title </title>"
                       "<meta property='og:url' content='https://x.example/og'>"
                       "<meta property='article:author' content='https://x.example/me'>"
                       "</head><body><p>Outside main</p><main><p>Inside "
                       "<time datetime='2016-11'>November</time></p></main></body></html>",
                       -1, "fallback.htm");
  g_assert_cmpstr (icc_article_get_text (article), ==, "Inside November");
  g_assert_cmpstr (icc_article_get_title (article), ==, "A title");
  g_assert_cmpstr (icc_article_get_url (article), ==, "https://x.example/og");
  /* An author that is an address is no name. */
  g_assert_null (icc_article_get_author (article));
  assert_date (article, "2016-11");
  g_assert_cmpint (icc_date_get_precision (icc_article_get_date (article)), ==,
                   ICC_DATE_PRECISION_MONTH);

  /* No <main>: the body; the title from the first <h1>; the date from
   * itemprop; a year alone. */
  g_clear_object (&article);
  article = import_ok ("<body><div><h1>The <i>headline</i></h1>Some "
                       "<span>te</span><b>xt</b></div>"
                       "<meta itemprop='datePublished' content='2016'>"
                       "<meta name='og:article:author' content='B. Author'>"
                       "<table><tr><td>cell 1</td><td>cell 2</td></tr><tr><th>row 2</th></tr>"
                       "</table></body>", -1, "x.html");
  g_assert_cmpstr (icc_article_get_text (article), ==,
                   "The headline\n\nSome text\n\ncell 1 cell 2\n\nrow 2");
  g_assert_cmpstr (icc_article_get_title (article), ==, "The headline");
  g_assert_cmpstr (icc_article_get_author (article), ==, "B. Author");
  assert_date (article, "2016");

  /* An empty <article> falls back to the body. */
  g_clear_object (&article);
  article = import_ok ("<body><article><img src=x></article><p>Body text</p></body>", -1,
                       "y.html");
  g_assert_cmpstr (icc_article_get_text (article), ==, "Body text");
  g_assert_cmpstr (icc_article_get_title (article), ==, "Body text");
}

static void
test_html_bad_date (void)
{
  g_autoptr(IccArticle) article = NULL;

  /* A day that does not exist is no date, not an error. */
  article = import_ok ("<html><head><meta property='article:published_time' "
                       "content='2016-02-30T10:00:00Z'></head><body><p>Text</p></body></html>",
                       -1, "bad-date.html");
  g_assert_false (icc_date_is_set (icc_article_get_date (article)));
  g_assert_cmpstr (icc_article_get_id (article), ==, "imported-text");

  /* The next source of a date is taken instead; "20161116" is none. */
  g_clear_object (&article);
  article = import_ok ("<meta name='date' content='2016-13-01'><meta name='dc.date' "
                       "content='20161116'><article><p>Text <time datetime='2016-11-17'>"
                       "</time></p></article>", -1, "bad-date.html");
  assert_date (article, "2016-11-17");
}

static void
test_html_sniff (void)
{
  g_autoptr(IccArticle) article = NULL;

  /* Without a name, a page is told by its start. */
  article = import_ok ("\xef\xbb\xbf  \n<!DOCTYPE html><p>Hello <b>world</b>", -1, NULL);
  g_assert_cmpstr (icc_article_get_text (article), ==, "Hello world");
  g_assert_null (icc_article_get_edit_note (article));

  /* So with an unknown extension. */
  g_clear_object (&article);
  article = import_ok ("<HTML><BODY>Shouting &lt;tags&gt;</BODY></HTML>", -1, "page.php");
  g_assert_cmpstr (icc_article_get_text (article), ==, "Shouting <tags>");

  /* Text that mentions a tag is text. */
  g_clear_object (&article);
  article = import_ok ("Use <b> for bold", -1, NULL);
  g_assert_cmpstr (icc_article_get_text (article), ==, "Use <b> for bold");
  g_clear_object (&article);
  article = import_ok ("<pre> is no paragraph", -1, "notes");
  g_assert_cmpstr (icc_article_get_text (article), ==, "<pre> is no paragraph");

  /* A .txt file is text whatever it holds. */
  g_clear_object (&article);
  article = import_ok ("<html><body><p>Tags</p></body></html>", -1, "page.txt");
  g_assert_cmpstr (icc_article_get_text (article), ==, "<html><body><p>Tags</p></body></html>");
}

static void
test_html_latin1 (void)
{
  g_autoptr(IccArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  /* Latin-1, declared: "été", "Zoë", "£" and, as browsers read it, 0x93
   * and 0x94 as Windows-1252's quotation marks. */
  article = import_ok ("<html><head><meta charset=\"iso-8859-1\">"
                       "<title>Caf\xe9</title></head>"
                       "<body><p>\xe9t\xe9, Zo\xeb, \xa3" "5, \x93quoted\x94</p></body></html>",
                       -1, "latin1.html");
  g_assert_cmpstr (icc_article_get_text (article), ==, "été, Zoë, £5, “quoted”");
  g_assert_cmpstr (icc_article_get_title (article), ==, "Café");

  /* The old way to declare it. */
  g_clear_object (&article);
  article = import_ok ("<html><head><META HTTP-EQUIV='Content-Type' "
                       "CONTENT='text/html; charset=ISO-8859-15'></head>"
                       "<body><p>\xa4 10</p></body></html>", -1, "latin9.html");
  g_assert_cmpstr (icc_article_get_text (article), ==, "€ 10");

  /* Windows-1251 (Cyrillic). */
  g_clear_object (&article);
  article = import_ok ("<meta charset=windows-1251><p>\xd0\xee\xf1\xf1\xe8\xff</p>", -1,
                       "ru.html");
  g_assert_cmpstr (icc_article_get_text (article), ==, "Россия");

  /* UTF-8 declared and given. */
  g_clear_object (&article);
  article = import_ok ("<meta charset=UTF-8><p>Россия</p>", -1, "utf8.html");
  g_assert_cmpstr (icc_article_get_text (article), ==, "Россия");

  /* Latin-1 without a declaration. */
  assert_import_fails ("<html><body><p>Caf\xe9</p></body></html>", -1, "undeclared.html",
                       ICC_ARTICLE_IMPORT_ERROR_ENCODING);
  /* UTF-8 declared, Latin-1 given. */
  assert_import_fails ("<meta charset=utf-8><p>Caf\xe9</p>", -1, "liar.html",
                       ICC_ARTICLE_IMPORT_ERROR_ENCODING);
  /* A character set nobody knows. */
  assert_import_fails ("<meta charset=x-no-such-charset><p>Caf\xe9</p>", -1, "unknown.html",
                       ICC_ARTICLE_IMPORT_ERROR_ENCODING);

  {
    g_autoptr(GBytes) bytes = g_bytes_new_static ("Caf\xe9", 4);
    g_autoptr(IccArticle) none = icc_article_import_bytes (bytes, "x.txt", &error);

    g_assert_null (none);
    g_assert_error (error, ICC_ARTICLE_IMPORT_ERROR, ICC_ARTICLE_IMPORT_ERROR_ENCODING);
    g_assert_cmpstr (error->message, ==,
                     "“x.txt” is not text in UTF-8 and declares no character set we can "
                     "convert");
  }
}

static void
test_html_utf16 (void)
{
  const char *page = "<html><head><meta charset=\"utf-16\"><title>Seize</title></head>"
                     "<body><p>Texte en UTF-16 : « ça »</p></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) data = g_string_new_len ("\xff\xfe", 2);
  g_autoptr(IccArticle) article = NULL;
  g_autofree char *le = NULL;
  gsize le_len;

  le = g_convert (page, -1, "UTF-16LE", "UTF-8", NULL, &le_len, &error);
  g_assert_no_error (error);
  g_string_append_len (data, le, le_len);

  article = import_ok (data->str, data->len, "utf16.html");
  g_assert_cmpstr (icc_article_get_text (article), ==, "Texte en UTF-16 : « ça »");
  g_assert_cmpstr (icc_article_get_title (article), ==, "Seize");
}

static void
test_html_deep (void)
{
  g_autoptr(GString) page = g_string_new ("<html><body><p>Shallow</p>");
  g_autoptr(IccArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  /* As deep as libxml2 builds a tree (it stops at 256 levels). */
  for (int i = 0; i < 100; i++)
    g_string_append (page, "<div><span>");
  g_string_append (page, "deep");
  article = import_ok (page->str, page->len, "deep.html");
  g_assert_cmpstr (icc_article_get_text (article), ==, "Shallow\n\ndeep");
  g_clear_object (&article);

  /* Deeper: the parser stops, and what came before is kept. */
  for (int i = 0; i < 100000; i++)
    g_string_append (page, "<div><span>");
  g_string_append (page, "deeper");
  article = import_string (page->str, page->len, "deeper.html", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (icc_article_get_text (article), "Shallow\n\ndeep"));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The five seed articles of the bundled dataset, as received. */
static void
test_seeds (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "..", "data", "dataset", "src",
                                                     "seeds", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  dir = g_dir_open (dir_path, 0, NULL);
  if (dir == NULL)
    {
      g_test_skip ("no seed articles in data/dataset/src/seeds");
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_strdup (name));
  g_assert_cmpuint (names->len, ==, 5);
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir_path, names->pdata[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(IccArticle) article = import_file (file, &error);
      g_autofree char *contents = NULL;
      g_auto(GStrv) lines = NULL;
      const char *text;
      const char *at;
      const char *first = NULL;

      g_assert_no_error (error);
      text = icc_article_get_text (article);
      assert_normalized (text);
      assert_id_shape (icc_article_get_id (article));

      /* Every line of the seed is in the text, in order, without its
       * trailing white space. */
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      lines = g_strsplit (contents, "\n", -1);
      at = text;
      for (guint l = 0; lines[l] != NULL; l++)
        {
          g_strchomp (lines[l]);
          if (lines[l][0] == '\0')
            continue;
          if (first == NULL)
            first = lines[l];
          at = strstr (at, lines[l]);
          g_assert_nonnull (at);
          at += strlen (lines[l]);
        }

      /* The title is the first line, its no-break spaces made spaces. */
      g_assert_nonnull (first);
      {
        g_auto(GStrv) parts = g_strsplit (first, "\u00a0", -1);
        g_autofree char *spaced = g_strjoinv (" ", parts);

        g_assert_cmpstr (icc_article_get_title (article), ==, g_strstrip (spaced));
      }
      g_test_message ("%s: “%s”, %s", (char *)names->pdata[i],
                      icc_article_get_title (article), icc_article_get_id (article));
    }
}

/* Files */

static void
test_file_async (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "article.html", NULL);
  g_autofree char *data = read_test_file ("page.html");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(IccArticle) article = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;

  g_assert_true (g_file_set_contents (path, data, -1, NULL));
  article = import_file (file, &error);
  g_assert_no_error (error);
  assert_no_secret (icc_article_get_text (article));
  g_assert_cmpstr (icc_article_get_title (article), ==, "Court leaves town & nobody notices");
  g_assert_nonnull (strstr (icc_article_get_edit_note (article), "“article.html”"));

  /* Cancelled. */
  g_cancellable_cancel (cancellable);
  icc_article_import_file_async (file, cancellable, ready_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_clear_object (&article);
  article = icc_article_import_file_finish (result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (article);
  g_clear_error (&error);

  /* An error of the format names the file. */
  g_assert_true (g_file_set_contents (path, "<p>caf\xe9</p>", -1, NULL));
  article = import_file (file, &error);
  g_assert_error (error, ICC_ARTICLE_IMPORT_ERROR, ICC_ARTICLE_IMPORT_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "“article.html”"));
  g_clear_error (&error);

  /* Not there. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  article = import_file (file, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (article);

  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static gboolean
tick_cb (gpointer user_data)
{
  guint *ticks = user_data;

  (*ticks)++;
  return G_SOURCE_CONTINUE;
}

/* A 50 MB file is read and parsed in a thread: the main loop goes on. */
static void
test_file_large (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "large.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(IccArticle) article = NULL;
  g_autoptr(GString) data = g_string_sized_new (50 * 1000 * 1000 + 1000);
  const char *paragraph = "La Russie a retiré sa signature du Statut de Rome le 16 novembre "
                          "2016.  \r\nSecond line of the paragraph, with trailing space.   "
                          "\r\n\r\n\r\n";
  guint n_paragraphs = 0;
  guint ticks = 0;
  guint tick_id;
  gint64 start, elapsed;

  g_string_append (data, "A very long article\r\n\r\n");
  while (data->len < 50 * 1000 * 1000)
    {
      g_string_append (data, paragraph);
      n_paragraphs++;
    }
  g_assert_true (g_file_set_contents (path, data->str, data->len, &error));
  g_assert_no_error (error);

  tick_id = g_timeout_add (10, tick_cb, &ticks);
  start = g_get_monotonic_time ();
  icc_article_import_file_async (file, NULL, ready_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  elapsed = g_get_monotonic_time () - start;
  g_source_remove (tick_id);

  article = icc_article_import_file_finish (result, &error);
  g_assert_no_error (error);
  g_test_message ("50 MB text file imported in %.2f s; the main loop ticked %u times "
                  "(every 10 ms) meanwhile", elapsed / 1e6, ticks);
  g_assert_cmpuint (ticks, >=, 2);

  g_assert_cmpstr (icc_article_get_title (article), ==, "A very long article");
  /* Each paragraph lost its CRs, its trailing spaces and one blank line. */
  g_assert_cmpuint (strlen (icc_article_get_text (article)), ==,
                    strlen ("A very long article\n\n") +
                    n_paragraphs * (strlen (paragraph) - 2 - 2 - 3 - 2 - 1) - 2);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_file_refused (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.txt", NULL);
  g_autofree char *sparse = g_build_filename (dir, "sparse.txt", NULL);
  g_autoptr(GFile) dir_file = g_file_new_for_path (dir);
  g_autoptr(GFile) fifo_file = g_file_new_for_path (fifo);
  g_autoptr(GFile) sparse_file = g_file_new_for_path (sparse);
  g_autoptr(GError) error = NULL;
  g_autoptr(IccArticle) article = NULL;
  int fd;

  article = import_file (dir_file, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_null (article);
  g_clear_error (&error);

  /* Opening a FIFO would wait for a writer: it is refused before. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  article = import_file (fifo_file, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "“pipe.txt”"));
  g_assert_null (article);
  g_clear_error (&error);

  /* 64 MiB and one byte, sparse: refused by its size, before reading. */
  fd = g_open (sparse, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, ICC_ARTICLE_IMPORT_MAX_SIZE + 1), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);
  article = import_file (sparse_file, &error);
  g_assert_error (error, ICC_ARTICLE_IMPORT_ERROR, ICC_ARTICLE_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "“sparse.txt”"));
  g_assert_null (article);
  g_clear_error (&error);

  g_assert_cmpint (g_unlink (fifo), ==, 0);
  g_assert_cmpint (g_unlink (sparse), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/article-import/text/crlf", test_text_crlf);
  g_test_add_func ("/article-import/text/indent-and-unicode", test_text_indent_and_unicode);
  g_test_add_func ("/article-import/text/long-title", test_text_long_title);
  g_test_add_func ("/article-import/text/latin1", test_text_latin1);
  g_test_add_func ("/article-import/text/utf16", test_text_utf16);
  g_test_add_func ("/article-import/text/empty", test_text_empty);
  g_test_add_func ("/article-import/text/binary", test_text_binary);
  g_test_add_func ("/article-import/text/too-large", test_text_too_large);
  g_test_add_func ("/article-import/paste", test_paste);
  g_test_add_func ("/article-import/suggest-id", test_suggest_id);
  g_test_add_func ("/article-import/markdown/front-matter", test_markdown_front_matter);
  g_test_add_func ("/article-import/markdown/heading-title", test_markdown_heading_title);
  g_test_add_func ("/article-import/html/page", test_html_page);
  g_test_add_func ("/article-import/html/fallbacks", test_html_fallbacks);
  g_test_add_func ("/article-import/html/bad-date", test_html_bad_date);
  g_test_add_func ("/article-import/html/sniff", test_html_sniff);
  g_test_add_func ("/article-import/html/latin1", test_html_latin1);
  g_test_add_func ("/article-import/html/utf16", test_html_utf16);
  g_test_add_func ("/article-import/html/deep", test_html_deep);
  g_test_add_func ("/article-import/seeds", test_seeds);
  g_test_add_func ("/article-import/file/async", test_file_async);
  g_test_add_func ("/article-import/file/large", test_file_large);
  g_test_add_func ("/article-import/file/refused", test_file_refused);

  return g_test_run ();
}
