/**
 * Imports Meta's own lead downloads into the cache ({@code import} is a Java keyword, hence {@code imports}): the files
 * agencies downloaded by hand from Leads Center / Ads Manager, or through a form's {@code export_csv} link, hold the
 * leads Meta stopped serving after 90 days. {@link io.leaddesk.imports.ImportService} is the face for the command line
 * and the app: preview (counts, forms, columns, malformed rows; nothing written), then import (one transaction per file),
 * with progress events and cancel.
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li><b>CSV through jackson-dataformat-csv</b>, which the export already ships for writing: no new jar (commons-csv
 *       would bring commons-io and commons-codec into the app; it stays a test library, and the tests write their
 *       Meta-style files with it, so reader and writer are independent). Streaming, RFC 4180 quoting (separators,
 *       doubled quotes and line breaks inside quoted cells), and each record's first token tells the line it starts
 *       on. It is strict about quotes: a quote never closed, or text after a closing quote, makes the rest of the file
 *       unreadable, so such a file is refused as a whole (exit 2) instead of importing what came before.</li>
 *   <li><b>Encoding:</b> a byte order mark decides (UTF-8, UTF-16 LE, UTF-16 BE); without one, every other byte zero
 *       means UTF-16 of that order, anything else is read as strict UTF-8. A file in a legacy code page (Excel's "CSV"
 *       on some systems) is refused with a sentence rather than imported garbled.</li>
 *   <li><b>Separator:</b> comma, semicolon or tab, whichever splits the header line into Meta's {@code id} and
 *       {@code created_time} columns; Excel's {@code sep=;} first line is honoured.</li>
 *   <li><b>Values as Graph writes them:</b> ids lose their prefixes ({@code l:}, {@code ag:}, {@code as:}, {@code c:},
 *       {@code f:}; lead and form ids must then be digits), phones lose {@code p:} (the form's PHONE questions; on a form
 *       the import creates, any answer shaped like {@code p:+380…}); {@code is_organic} reads true/false, 1/0 (yes/no);
 *       {@code created_time} reads ISO 8601 with an offset in the variants the files have had ({@code +0000},
 *       {@code +00:00}, {@code Z}, {@code +03}, a space for the T, fractions, no seconds) and Unix seconds, and is
 *       written in Graph's form ({@code 2026-09-01T17:25:00+0000}, UTC, whole seconds). An empty cell is an absent
 *       field, or an answer with no values (a skipped question).</li>
 *   <li><b>Forms:</b> by the rows' {@code form_id}, or the form given for a file that has none (it must be a form of the
 *       cache); a file naming no form at all previews as NEEDS_FORM. Rows of several forms in one file are fine. Columns
 *       map to a cached form's questions by key (exactly, else in NFC and lower case) and to its disclaimer checkboxes; a
 *       form the cache lacks is created from the file: {@code form_name}, and one question per other column (the columns
 *       its rows answer, when the file holds several forms), typed CUSTOM and labelled with the key, page unknown. The
 *       next sync of its page replaces those placeholders with Meta's questions, moves its imported leads to the page,
 *       and fits them to the real questions (see the next point and the store's {@code ImportedForms}).</li>
 *   <li><b>Multiple choice:</b> a cell stays one value unless the form's question (as synced from Meta) has options and
 *       every part of the cell, split at commas (else semicolons, bars, line breaks), is one of them: then each part is
 *       a value, as Graph gives them. Free text with commas, and any answer of a form whose options are not known yet,
 *       stays whole; when a sync brings the options, imported cells are split then.</li>
 *   <li><b>Columns not recognised</b> are reported and not imported: {@code lead_status} (the Leads Center's stage of a
 *       lead, which is not LeadDesk's review and has no place in Graph's lead JSON: it maps to nothing), {@code inbox_url},
 *       {@code home_listing}, {@code vehicle}, {@code post}, a repeated column, and on a cached form any column that is no
 *       question or checkbox of it. {@code partner_name} and {@code retailer_item_id} are Graph lead fields and kept.</li>
 *   <li><b>Duplicates and who wins:</b> a lead the cache holds (same id) is never touched by an import: Meta's data,
 *       served through the API, wins, and re-importing a file changes nothing ("0 new, 4,098 already cached"). When the
 *       import brought a lead first and a sync later gets it from Meta, the sync replaces the file's data as it would any
 *       change. A lead id repeated inside a file counts once (the first row). An import does not move any form's sync
 *       watermark.</li>
 *   <li><b>Forget:</b> a lead forgotten by id is not brought back: the store looks the ids up in {@code forgotten} inside
 *       the import's own transaction, as a sync's page write does. Leads removed by age ({@code forget --older-than})
 *       are not remembered by id, so importing an old file brings them back, as a full resync would while Meta serves
 *       them.</li>
 *   <li><b>Malformed rows</b> (wrong number of cells, no or bad lead id, created_time or is_organic, a form id that does
 *       not fit) are reported by line and skipped by default; strict mode refuses the whole file. One transaction per
 *       file: strict refusal, cancel or a full disk part-way leave the cache as it was.</li>
 *   <li><b>Provenance</b> (file name and date) is kept in the cache apart from the lead
 *       ({@link io.leaddesk.store.LeadStore#importOrigin}), so {@code leads --json} stays exactly Graph-shaped.</li>
 * </ul>
 */
package io.leaddesk.imports;
