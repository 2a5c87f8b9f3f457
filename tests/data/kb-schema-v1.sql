-- A dnnd knowledge base of schema version 1 (dnnd 0.1.0, before events said whether they are
-- reported and before organisation relations), written by hand for the migration test:
-- one short article of our own, its facts, and the derived rows v1 kept.
PRAGMA application_id = 1684958820;   -- 0x646E6E64, "dnnd"
PRAGMA user_version = 1;

CREATE TABLE dnnd_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY, position INTEGER NOT NULL UNIQUE, source TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL, title TEXT, published TEXT,
    published_precision TEXT CHECK (published_precision IN ('day', 'month', 'year')),
    published_start TEXT, encoding TEXT, chars INTEGER NOT NULL, text TEXT NOT NULL,
    record TEXT NOT NULL, dnnd_version TEXT NOT NULL
);
CREATE INDEX articles_sha256 ON articles (sha256);
CREATE INDEX articles_published ON articles (published_start);
CREATE TABLE read_failures (source TEXT PRIMARY KEY, position INTEGER NOT NULL, message TEXT NOT NULL);
CREATE TABLE facts (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    kind TEXT NOT NULL, record_id TEXT NOT NULL, label TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, CHECK (0 <= start AND start <= "end")
);
CREATE INDEX facts_article ON facts (article_id, start);
CREATE INDEX facts_kind ON facts (kind, record_id);
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text, title_folded, text_folded, content='', tokenize='unicode61 remove_diacritics 2'
);
CREATE TABLE documents (
    id TEXT PRIMARY KEY, number TEXT, kind TEXT NOT NULL, date TEXT, date_precision TEXT, date_start TEXT,
    issuer TEXT, title TEXT, registry_id TEXT, citations INTEGER NOT NULL
);
CREATE INDEX documents_number ON documents (number);
CREATE TABLE citations (
    document_id TEXT NOT NULL REFERENCES documents (id) DEFERRABLE INITIALLY DEFERRED,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    number TEXT, kind TEXT NOT NULL, type_word TEXT, date TEXT, date_precision TEXT, issuer TEXT, title TEXT,
    spans TEXT NOT NULL
);
CREATE INDEX citations_document ON citations (document_id);
CREATE INDEX citations_article ON citations (article_id);
CREATE TABLE congresses (
    id TEXT PRIMARY KEY, ordinal INTEGER NOT NULL, scope TEXT NOT NULL, party_body TEXT NOT NULL, term TEXT,
    articles INTEGER NOT NULL
);
CREATE TABLE congress_citations (
    congress_id TEXT NOT NULL REFERENCES congresses (id) DEFERRABLE INITIALLY DEFERRED,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE, term TEXT, spans TEXT NOT NULL
);
CREATE INDEX congress_citations_congress ON congress_citations (congress_id);
CREATE INDEX congress_citations_article ON congress_citations (article_id);
CREATE TABLE organisations (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, abbreviation TEXT, locality TEXT,
    registry_id TEXT, articles INTEGER NOT NULL
);
CREATE INDEX organisations_kind ON organisations (kind, locality);
CREATE TABLE organisation_names (
    organisation_id TEXT NOT NULL REFERENCES organisations (id) DEFERRABLE INITIALLY DEFERRED, name TEXT NOT NULL
);
CREATE INDEX organisation_names_organisation ON organisation_names (organisation_id);
CREATE TABLE people (id TEXT PRIMARY KEY, name TEXT NOT NULL, articles INTEGER NOT NULL);
CREATE TABLE person_names (
    person_id TEXT NOT NULL REFERENCES people (id) DEFERRABLE INITIALLY DEFERRED, name TEXT NOT NULL
);
CREATE INDEX person_names_person ON person_names (person_id);
CREATE TABLE positions (
    person_id TEXT NOT NULL REFERENCES people (id) DEFERRABLE INITIALLY DEFERRED, title TEXT NOT NULL,
    organisation_id TEXT REFERENCES organisations (id) DEFERRABLE INITIALLY DEFERRED, organisation TEXT,
    former INTEGER NOT NULL CHECK (former IN (0, 1)), date TEXT, date_precision TEXT, date_start TEXT,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE, spans TEXT NOT NULL
);
CREATE INDEX positions_person ON positions (person_id);
CREATE INDEX positions_organisation ON positions (organisation_id, title);
CREATE INDEX positions_article ON positions (article_id);
CREATE TABLE events (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, date TEXT, date_precision TEXT, date_start TEXT, end_date TEXT,
    location TEXT, title TEXT, articles INTEGER NOT NULL
);
CREATE INDEX events_date ON events (date_start);
CREATE INDEX events_kind ON events (kind, location);
CREATE TABLE event_organisers (
    event_id TEXT NOT NULL REFERENCES events (id) DEFERRABLE INITIALLY DEFERRED,
    organisation_id TEXT REFERENCES organisations (id) DEFERRABLE INITIALLY DEFERRED, name TEXT NOT NULL
);
CREATE INDEX event_organisers_event ON event_organisers (event_id);
CREATE INDEX event_organisers_organisation ON event_organisers (organisation_id);
CREATE TABLE conflicts (
    id TEXT PRIMARY KEY, subject TEXT NOT NULL, field TEXT NOT NULL, entity_id TEXT NOT NULL, date TEXT,
    summary TEXT NOT NULL
);
CREATE TABLE claims (
    conflict_id TEXT NOT NULL REFERENCES conflicts (id) DEFERRABLE INITIALLY DEFERRED, value TEXT NOT NULL,
    source TEXT NOT NULL, article_id INTEGER REFERENCES articles (id) ON DELETE CASCADE,
    from_registry INTEGER NOT NULL CHECK (from_registry IN (0, 1)), spans TEXT NOT NULL
);
CREATE INDEX claims_conflict ON claims (conflict_id);
CREATE INDEX claims_article ON claims (article_id);
CREATE TABLE evidence (
    entity_id TEXT NOT NULL, entity_kind TEXT NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL
);
CREATE INDEX evidence_entity ON evidence (entity_id);
CREATE INDEX evidence_article ON evidence (article_id);
CREATE VIRTUAL TABLE names_fts USING fts5 (
    name, folded, entity_id UNINDEXED, entity_kind UNINDEXED, tokenize='unicode61 remove_diacritics 2'
);

INSERT INTO dnnd_meta VALUES ('format', 'dnnd-knowledge-base'), ('schema_version', '1'),
    ('dnnd_version', '0.1.0'), ('stale', '0');

-- "Sáng 14/7/2022, Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang tổ chức hội nghị tại Bắc Giang."
INSERT INTO articles VALUES (1, 1, 'archive/bac-giang.txt',
    '0000000000000000000000000000000000000000000000000000000000000001', NULL, NULL, NULL, NULL, 'utf-8', 94,
    'Sáng 14/7/2022, Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang tổ chức hội nghị tại Bắc Giang.',
    '{"source":"archive/bac-giang.txt","title":null,"published":null,"documents":[],"congress_resolutions":[],'
    || '"organisations":[{"id":"org:lien-hiep-cac-to-chuc-huu-nghi-tinh-bac-giang",'
    || '"name":"Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang","kind":"friendship_union","abbreviation":null,'
    || '"aliases":["Liên hiệp các tổ chức hữu nghị Bắc Giang"],"locality":"Bắc Giang","registry_id":null,'
    || '"mentions":[[16,61]]}],"people":[],"events":[{"id":"event:2022-07-14:conference:hoi-nghi",'
    || '"kind":"conference","date":"2022-07-14","end_date":null,"time_of_day":"sáng","location":"Bắc Giang",'
    || '"organisers":["Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang"],"title":"Hội nghị","mentions":[[5,14],[70,78]]}]}',
    '0.1.0');
INSERT INTO facts VALUES
    (1, 'organisation', 'org:lien-hiep-cac-to-chuc-huu-nghi-tinh-bac-giang',
        'Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang', 16, 61),
    (1, 'event', 'event:2022-07-14:conference:hoi-nghi', 'conference: Hội nghị', 5, 14),
    (1, 'event', 'event:2022-07-14:conference:hoi-nghi', 'conference: Hội nghị', 70, 78);
INSERT INTO articles_fts (rowid, title, text, title_folded, text_folded) VALUES (1, '', 
    'Sáng 14/7/2022, Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang tổ chức hội nghị tại Bắc Giang.', '', '');
INSERT INTO organisations VALUES ('org:lien-hiep-cac-to-chuc-huu-nghi-tinh-bac-giang',
    'Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang', 'friendship_union', NULL, 'Bắc Giang', NULL, 1);
INSERT INTO events VALUES ('event:2022-07-14:conference:bac-giang', 'conference', '2022-07-14', 'day',
    '2022-07-14', NULL, 'Bắc Giang', 'Hội nghị', 1);
INSERT INTO event_organisers VALUES ('event:2022-07-14:conference:bac-giang',
    'org:lien-hiep-cac-to-chuc-huu-nghi-tinh-bac-giang', 'Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang');
INSERT INTO evidence VALUES
    ('org:lien-hiep-cac-to-chuc-huu-nghi-tinh-bac-giang', 'organisation', 1, 16, 61),
    ('event:2022-07-14:conference:bac-giang', 'event', 1, 5, 14),
    ('event:2022-07-14:conference:bac-giang', 'event', 1, 70, 78);
INSERT INTO names_fts VALUES
    ('Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang', 'lien hiep cac to chuc huu nghi tinh bac giang',
     'org:lien-hiep-cac-to-chuc-huu-nghi-tinh-bac-giang', 'organisation');
