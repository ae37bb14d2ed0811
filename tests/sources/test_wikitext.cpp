// Wikitext to plain text and the MediaWiki dump reader, on fixtures written for these tests.
#include <QTemporaryDir>
#include <QtTest>

#include "compressed_input.h"
#include "html_entities.h"
#include "mediawiki_dump.h"
#include "wikitext.h"

using namespace azllm::sources;

namespace {

std::string dumpPage(const std::string &title, int ns, const std::string &text,
                     bool redirect = false)
{
    return "  <page>\n    <title>" + title + "</title>\n    <ns>" + std::to_string(ns) +
           "</ns>\n    <id>1</id>\n" + (redirect ? "    <redirect title=\"X\" />\n" : "") +
           "    <revision>\n      <id>2</id>\n      <text bytes=\"9\" xml:space=\"preserve\">" +
           text + "</text>\n    </revision>\n  </page>\n";
}

class StringStream final : public InputStream
{
public:
    explicit StringStream(std::string data, std::size_t step)
        : m_data(std::move(data)), m_step(step)
    {
    }
    std::size_t read(char *buffer, std::size_t size) override
    {
        const std::size_t n = std::min({size, m_step, m_data.size() - m_position});
        std::memcpy(buffer, m_data.data() + m_position, n);
        m_position += n;
        return n;
    }
    std::uint64_t fileBytesRead() const override { return m_position; }

private:
    std::string m_data;
    std::size_t m_step;
    std::size_t m_position = 0;
};

} // namespace

class TestWikitext : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nestedTemplatesDropped();
    void referencesDropped();
    void tablesDropped();
    void linksKeepTheirText();
    void filesCategoriesAndInterwikiDropped();
    void headingsAndListsKeptAsText();
    void commentsAndQuotesDropped();
    void redirectsRecognised();
    void invalidNumericReferencesBecomeReplacementCharacters();
    void dumpReaderStreamsPages();
    void dumpReaderReportsTruncation();
};

void TestWikitext::nestedTemplatesDropped()
{
    QCOMPARE(wikitextToText("Bakı{{Məlumat qutusu|ad={{lang|az|Bakı}}|əhali={{#expr: 2+2}}}} "
                            "şəhəridir."),
             std::string("Bakı şəhəridir.\n"));
    // A template that never closes loses only its braces, not the rest of the article.
    QCOMPARE(wikitextToText("Mətn {{yarımçıq"), std::string("Mətn yarımçıq\n"));
}

void TestWikitext::referencesDropped()
{
    QCOMPARE(wikitextToText("Şəhər 1859-cu ildə<ref name=\"a\">Mənbə [[Kitab]] {{cite}}</ref> "
                            "quberniya oldu.<ref name=\"a\" /> Son.<REF>x</REF>\n"
                            "<references />"),
             std::string("Şəhər 1859-cu ildə quberniya oldu. Son.\n\n"));
}

void TestWikitext::tablesDropped()
{
    QCOMPARE(wikitextToText("Əvvəl.\n{| class=\"wikitable\"\n|-\n! Ad !! Say\n|-\n| Bakı || 2\n"
                            "{|\n| iç cədvəl\n|}\n|}\nSonra."),
             std::string("Əvvəl.\nSonra.\n"));
}

void TestWikitext::linksKeepTheirText()
{
    QCOMPARE(wikitextToText("[[Bakı]]nın [[Xəzər dənizi|Xəzərin]] sahilində, "
                            "[[Quba (şəhər)|]] və [[Şəki#Tarix|Şəkinin tarixi]]; "
                            "[[#Coğrafiya]]; [https://example.az sayt] [https://example.az] "
                            "[[:Kateqoriya:Şəhərlər|şəhərlər]]"),
             std::string("Bakının Xəzərin sahilində, Quba və Şəkinin tarixi; Coğrafiya; sayt  "
                         "şəhərlər\n"));
}

void TestWikitext::filesCategoriesAndInterwikiDropped()
{
    QCOMPARE(wikitextToText("Mətn.[[Fayl:Baku.jpg|thumb|Şəkil [[Bakı]] haqqında]]"
                            "[[File:x.png]][[Şəkil:y.png|kiçik]][[Kateqoriya:Şəhərlər]]"
                            "[[Category:Cities]][[en:Baku]][[ru:Баку]] Son."),
             std::string("Mətn. Son.\n"));
}

void TestWikitext::headingsAndListsKeptAsText()
{
    QCOMPARE(wikitextToText("Giriş.\n== Tarix ==\n* birinci\n** ikinci\n# nömrəli\n"
                            ": girinti\n----\n=== Coğrafiya ===\nMətn."),
             std::string("Giriş.\n\nTarix\n\nbirinci\nikinci\nnömrəli\ngirinti\n\n"
                         "Coğrafiya\n\nMətn.\n"));
}

void TestWikitext::commentsAndQuotesDropped()
{
    QCOMPARE(wikitextToText("'''Bakı''' — ''paytaxt''<!-- gizli [[x]] -->__TOC__ &amp; "
                            "<small>kiçik</small> 5 &lt; 6<br/>yeni"),
             std::string("Bakı — paytaxt & kiçik 5 < 6\nyeni\n"));
}

void TestWikitext::redirectsRecognised()
{
    QVERIFY(isRedirectWikitext("#REDIRECT [[Bakı]]"));
    QVERIFY(isRedirectWikitext("  #redirect[[Bakı]]"));
    QVERIFY(isRedirectWikitext("#İSTİQAMƏTLƏNDİRMƏ [[Bakı]]"));
    QVERIFY(!isRedirectWikitext("# birinci bənd"));
    QVERIFY(!isRedirectWikitext("Bakı #REDIRECT"));
}

void TestWikitext::dumpReaderStreamsPages()
{
    const std::string dump =
        "<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.11/\">\n  <siteinfo>"
        "<sitename>Vikipediya</sitename></siteinfo>\n" +
        dumpPage("Bakı", 0,
                 "'''Bakı''' &lt;b&gt; [[Azərbaycan]]ın paytaxtı &amp; ən böyük şəhəri.") +
        dumpPage("Müzakirə:Bakı", 1, "Müzakirə mətni") +
        dumpPage("Baku", 0, "#REDIRECT [[Bakı]]", true) + dumpPage("Boş", 0, "") +
        "  <page>\n    <title>Quba</title>\n    <ns>0</ns>\n    <revision>\n"
        "      <text bytes=\"0\" />\n    </revision>\n  </page>\n</mediawiki>\n";
    // Tiny reads: pages and tags are cut across every read boundary.
    for (std::size_t step : {std::size_t(1), std::size_t(7), std::size_t(1 << 20)}) {
        StringStream input(dump, step);
        MediaWikiDumpReader reader(input);
        WikiPage page;
        QVERIFY(reader.next(page));
        QCOMPARE(page.title, std::string("Bakı"));
        QCOMPARE(page.ns, 0);
        QVERIFY(!page.redirect);
        QCOMPARE(page.text,
                 std::string("'''Bakı''' <b> [[Azərbaycan]]ın paytaxtı & ən böyük şəhəri."));
        QVERIFY(reader.next(page));
        QCOMPARE(page.ns, 1);
        QVERIFY(reader.next(page));
        QVERIFY(page.redirect);
        QVERIFY(reader.next(page));
        QCOMPARE(page.text, std::string());
        QVERIFY(reader.next(page));
        QCOMPARE(page.title, std::string("Quba"));
        QCOMPARE(page.text, std::string());
        QVERIFY(!reader.next(page));
    }
}

void TestWikitext::dumpReaderReportsTruncation()
{
    StringStream input("<mediawiki>\n" + dumpPage("A", 0, "mətn") + "  <page><title>B</title><ns>0",
                       64);
    MediaWikiDumpReader reader(input);
    WikiPage page;
    QVERIFY(reader.next(page));
    QVERIFY_THROWS_EXCEPTION(InputError, reader.next(page));
}

QTEST_GUILESS_MAIN(TestWikitext)
// A reference to 0, a surrogate or beyond U+10FFFF is not a character: U+FFFD, as a browser
// shows it; valid ones, including astral ones, decode as themselves.
void TestWikitext::invalidNumericReferencesBecomeReplacementCharacters()
{
    QCOMPARE(decodeCharacterReferences("a&#0;b&#xD800;c&#x110000;d"),
             std::string("a\uFFFDb\uFFFDc\uFFFDd"));
    QCOMPARE(decodeCharacterReferences("&#601;&#x1F389;&#127;"),
             std::string("\u0259\U0001F389\x7F"));
}

#include "test_wikitext.moc"
