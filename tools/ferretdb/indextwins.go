package main

// Index twins: make FerretDB 1.24's own indexes usable on PostgreSQL.
//
// FerretDB 1.24 creates a btree index on `(_jsonb -> 'field')` for every index a client asks
// for, but pushes an equality filter down to PostgreSQL as `_jsonb -> $1 @> $2` (jsonb
// containment), which a btree cannot serve: every find, update and delete was a sequential scan
// of the whole collection, ~120 ms per lookup at 200,000 small documents and seconds at DARS
// volumes. A GIN index on the same expression serves `@>`; so beside every btree index FerretDB
// creates we create a GIN "twin" on each of its fields, from a PostgreSQL event trigger so that
// every creator (any bot process, test or benchmark) is covered, and once at start for indexes
// made before the trigger existed.
//
// The key in FerretDB's filter is a bound parameter, so only a custom plan (parameters known
// at planning) can match the index expression; pgx prepares and re-executes statements, and
// PostgreSQL may switch a prepared statement to a generic plan that never uses an expression
// index. plan_cache_mode=force_custom_plan on FerretDB's connections prevents that.
//
// jit=off and max_parallel_workers_per_gather=0 on the same connections. Until a table is
// analysed (autovacuum may be off, and lags after a bulk load) the planner guesses its row count
// from its size and that an equality on a JSONB field matches ~1% of it, so an index lookup
// returning 15 commits is costed like one returning 1% of the table, and the cost grows with the
// table. Somewhere past 436,000 commits (30,000 cases) the lookup becomes a Gather over a
// Parallel Bitmap Heap Scan (two workers started per lookup) and passes jit_above_cost, so
// PostgreSQL compiles it with LLVM in the leader and each worker: 235-250 ms for a lookup that
// takes 0.3 ms serial and uncompiled (README, "The cliff at 100,000 cases"). FerretDB sends
// only short lookups and whole-collection reads, which neither parallel workers nor JIT help.
//
// Nothing here changes what FerretDB stores or answers; a twin that cannot be created only
// leaves lookups slow (the trigger catches its own errors so a client's createIndex never fails).

import (
	"context"
	"fmt"
	"net/url"
	"os"

	"github.com/jackc/pgx/v5"
)

const twinFunctions = `
CREATE OR REPLACE FUNCTION public.dars_index_twins_for(btree oid) RETURNS void
LANGUAGE plpgsql AS $fn$
DECLARE
  info pg_index%ROWTYPE;
  field text;
BEGIN
  SELECT * INTO info FROM pg_index WHERE indexrelid = btree;
  IF NOT FOUND OR (SELECT am.amname FROM pg_class c JOIN pg_am am ON am.oid = c.relam WHERE c.oid = btree) <> 'btree' THEN
    RETURN;
  END IF;
  FOR k IN 1..info.indnkeyatts LOOP
    field := pg_get_indexdef(btree, k, false);
    -- FerretDB's top-level field expression, shown as ((_jsonb -> 'caseId'::text))
    CONTINUE WHEN field !~ '^\(?\(_jsonb -> ''[^'']+''::text\)\)?$';
    BEGIN
      EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %s USING gin (%s) WITH (fastupdate = off)',
        'gin_' || md5(info.indrelid::regclass::text || field), info.indrelid::regclass, field);
    EXCEPTION WHEN OTHERS THEN
      RAISE WARNING 'DARS index twin for % on % not created: %', field, info.indrelid::regclass, SQLERRM;
    END;
  END LOOP;
END $fn$;

CREATE OR REPLACE FUNCTION public.dars_index_twins() RETURNS event_trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  created record;
BEGIN
  FOR created IN SELECT objid FROM pg_event_trigger_ddl_commands() WHERE object_type = 'index' LOOP
    PERFORM public.dars_index_twins_for(created.objid);
  END LOOP;
END $fn$;
`

const twinTrigger = `
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_event_trigger WHERE evtname = 'dars_index_twins') THEN
    CREATE EVENT TRIGGER dars_index_twins ON ddl_command_end WHEN TAG IN ('CREATE INDEX')
      EXECUTE FUNCTION public.dars_index_twins();
  END IF;
END $$;
`

// Indexes FerretDB made before the trigger existed (a database from an earlier run).
const twinBackfill = `
SELECT public.dars_index_twins_for(i.indexrelid)
FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'public')
  AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attname = '_jsonb')
`

// installIndexTwins installs the twin trigger in the database FerretDB will use. It needs a
// superuser (event triggers do); without one it says so and FerretDB runs as it ships.
func installIndexTwins(ctx context.Context, pgURL string) {
	conn, err := pgx.Connect(ctx, pgURL)
	if err != nil {
		warn("index twins not installed: %v", err)
		return
	}
	defer conn.Close(ctx)

	var superuser bool
	if err = conn.QueryRow(ctx, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user").Scan(&superuser); err != nil || !superuser {
		warn("index twins not installed (needs a PostgreSQL superuser); lookups will scan whole collections")
		return
	}

	// Several FerretDB processes may start on one database at once; one installs at a time.
	err = pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock(7270021)"); err != nil {
			return err
		}
		for _, statement := range []string{twinFunctions, twinTrigger, twinBackfill} {
			if _, err := tx.Exec(ctx, statement); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		warn("index twins not installed: %v", err)
	}
}

// withPlannerSettings returns the URL with the settings above as run-time parameters of every
// connection FerretDB opens (pgx passes unknown URL parameters on); a URL that sets one already
// keeps its own value.
func withPlannerSettings(pgURL string) string {
	u, err := url.Parse(pgURL)
	if err != nil {
		return pgURL
	}
	q := u.Query()
	for name, value := range map[string]string{"plan_cache_mode": "force_custom_plan", "jit": "off", "max_parallel_workers_per_gather": "0"} {
		if q.Get(name) == "" {
			q.Set(name, value)
		}
	}
	u.RawQuery = q.Encode()
	return u.String()
}

func warn(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "ferretdb: "+format+"\n", args...)
}
