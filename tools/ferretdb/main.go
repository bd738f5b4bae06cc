// Command ferretdb runs FerretDB 1.24.2 embedded, as the MongoDB-compatible server DARS Bot uses
// when no MONGODB_URI is set. It embeds github.com/FerretDB/FerretDB/ferretdb rather than
// installing cmd/ferretdb, whose binary panics at start without a generated version file.
//
// It prints one line, the MongoDB URI it listens on, once it accepts connections, and runs
// until it is interrupted or its standard input closes (so it never outlives its parent).
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
	"github.com/jackc/pgx/v5"
)

func main() {
	listen := flag.String("listen-addr", "127.0.0.1:0", "TCP address to listen on")
	handler := flag.String("handler", "sqlite", "backend: postgresql or sqlite")
	pgURL := flag.String("postgresql-url", "postgres://127.0.0.1:5432/dars_bot", "PostgreSQL URL")
	sqliteDir := flag.String("sqlite-dir", "", "directory for SQLite files")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	// Our parent holds our standard input open; when it dies, we stop too.
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		stop()
	}()

	cfg := &ferretdb.Config{
		Listener: ferretdb.ListenerConfig{TCP: *listen},
		Handler:  *handler,
		Logger:   slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})),
	}

	switch *handler {
	case "postgresql":
		if err := ensurePostgresDatabase(ctx, *pgURL); err != nil {
			fail("PostgreSQL: %v", err)
		}
		installIndexTwins(ctx, *pgURL)
		cfg.PostgreSQLURL = withPlannerSettings(*pgURL)
	case "sqlite":
		if *sqliteDir == "" {
			fail("--sqlite-dir is required for the sqlite handler")
		}
		if err := os.MkdirAll(*sqliteDir, 0o755); err != nil {
			fail("%v", err)
		}
		cfg.SQLiteURL = "file:" + strings.TrimSuffix(*sqliteDir, "/") + "/"
	default:
		fail("unknown handler %q", *handler)
	}

	f, err := ferretdb.New(cfg)
	if err != nil {
		fail("%v", err)
	}

	done := make(chan struct{})
	go func() {
		_ = f.Run(ctx)
		close(done)
	}()

	// MongoDBURI waits until the listener is up, so this line means "ready".
	fmt.Println(f.MongoDBURI())
	<-done
}

// ensurePostgresDatabase creates the database named in url if it does not exist, because
// FerretDB stores into an existing PostgreSQL database and does not create one.
func ensurePostgresDatabase(ctx context.Context, url string) error {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return err
	}
	name := cfg.Database
	cfg.Database = "postgres"
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)

	var exists bool
	if err = conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists); err != nil {
		return err
	}
	if exists {
		return nil
	}
	_, err = conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize())
	if err != nil && !strings.Contains(err.Error(), "already exists") {
		return err
	}
	return nil
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "ferretdb: "+format+"\n", args...)
	os.Exit(1)
}
