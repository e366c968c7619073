"""The Python API for data already in Dask: clean a bag or a DataFrame lazily, with the pipeline
built once per worker thread."""

from __future__ import annotations

from .errors import TextfixError
from .jsonl import JsonlOptions, clean_record
from .parallel import use_pipeline, worker_pipeline
from .spec import PipelineSpec


def _pipeline_spec(select, ignore, unsafe, options) -> PipelineSpec:
    return PipelineSpec.make(select, ignore, unsafe, options)


def _clean_items(items, text_field: str, stats_field: str | None, spec: PipelineSpec) -> list:
    use_pipeline(spec)
    pipeline = worker_pipeline()
    record_options = JsonlOptions(text_field, stats_field)
    out = []
    for item in items:
        if isinstance(item, str):
            out.append(pipeline.run(item).text)
        elif isinstance(item, dict) and isinstance(item.get(text_field), str):
            record = dict(item)
            clean_record(pipeline, record, record_options)
            out.append(record)
        else:  # not a document: passed through, as malformed JSONL records are
            out.append(item)
    return out


def clean_bag(bag, text_field: str = "text", stats_field: str | None = None, select=None, ignore=None,
              unsafe: bool = False, options: dict | None = None):
    """Clean every item of a Dask bag, lazily: a new bag.

    Strings are cleaned as documents; dicts (records, e.g. ``bag.map(json.loads)``) are copied
    with ``text_field`` cleaned and, with ``stats_field``, per-record edit counts added, as
    ``textfix clean --jsonl`` does. Other items pass through unchanged. The pipeline is built
    once per worker thread.
    """
    args = _pipeline_spec(select, ignore, unsafe, options)
    return bag.map_partitions(_clean_items, text_field, stats_field, args)


def _clean_frame(frame, column: str, stats_column: str | None, spec: PipelineSpec):
    frame = frame.copy()
    texts, edits = [], []
    if len(frame):
        use_pipeline(spec)
        pipeline = worker_pipeline()
    for value in frame[column]:
        if isinstance(value, str):
            result = pipeline.run(value)
            texts.append(result.text)
            edits.append(len(result.edits))
        else:  # missing values stay missing
            texts.append(value)
            edits.append(0)
    import pandas as pd

    frame[column] = pd.Series(texts, index=frame.index, dtype=frame[column].dtype)
    if stats_column:
        frame[stats_column] = pd.Series(edits, index=frame.index, dtype="int64")
    return frame


def clean_dataframe(df, column: str = "text", stats_column: str | None = None, select=None, ignore=None,
                    unsafe: bool = False, options: dict | None = None):
    """Clean one text column of a Dask DataFrame, lazily: a new DataFrame.

    With ``stats_column``, the number of edits made to each row is added as an integer column.
    """
    if column not in df.columns:
        raise TextfixError(f"no column {column!r} (columns: {', '.join(map(str, df.columns))})")
    args = _pipeline_spec(select, ignore, unsafe, options)
    meta = _clean_frame(df._meta, column, stats_column, args)
    return df.map_partitions(_clean_frame, column, stats_column, args, meta=meta)
