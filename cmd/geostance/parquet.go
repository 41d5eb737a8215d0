package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/parquet-go/parquet-go"
)

// parquetRow is one score record as a Parquet row: the CSV columns, typed.
type parquetRow struct {
	ID       string  `parquet:"id"`
	Sentence int64   `parquet:"sentence"`
	Target   *string `parquet:"target,optional"`
	Name     *string `parquet:"name,optional"`
	Score    float64 `parquet:"score"`
	Label    string  `parquet:"label"`
	Source   string  `parquet:"source"`
	Date     string  `parquet:"date"`
	Start    int64   `parquet:"start"`
	End      int64   `parquet:"end"`
	Text     string  `parquet:"text"`
	Mentions string  `parquet:"mentions"`
	Evidence string  `parquet:"evidence"`
	Meta     string  `parquet:"meta"`
	Reasons  string  `parquet:"reasons"`
}

// parquetSink turns the CSV rows that the workers encode into Parquet
// rows, in order. Workers stay format-agnostic; the conversion is cheap
// next to scoring.
type parquetSink struct {
	w    *parquet.GenericWriter[parquetRow]
	rows []parquetRow
}

func newParquetSink(w io.Writer) *parquetSink {
	return &parquetSink{w: parquet.NewGenericWriter[parquetRow](w, parquet.Compression(&parquet.Zstd))}
}

// write converts a block of CSV rows (no header) and writes them.
func (p *parquetSink) write(block []byte) error {
	r := csv.NewReader(bytes.NewReader(block))
	r.FieldsPerRecord = len(csvHeader)
	p.rows = p.rows[:0]
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("parquet: %w", err) // unreachable: we wrote the CSV
		}
		row := parquetRow{ID: rec[0], Label: rec[5], Source: rec[6], Date: rec[7], Text: rec[10],
			Mentions: rec[11], Evidence: rec[12], Meta: rec[13], Reasons: rec[14]}
		row.Sentence, _ = strconv.ParseInt(rec[1], 10, 64)
		if rec[2] != "" {
			t, n := rec[2], rec[3]
			row.Target, row.Name = &t, &n
		}
		row.Score, _ = strconv.ParseFloat(rec[4], 64)
		row.Start, _ = strconv.ParseInt(rec[8], 10, 64)
		row.End, _ = strconv.ParseInt(rec[9], 10, 64)
		p.rows = append(p.rows, row)
	}
	_, err := p.w.Write(p.rows)
	return err
}

func (p *parquetSink) close() error { return p.w.Close() }
