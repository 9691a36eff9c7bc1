from dbnd import pipeline, task


@task
def say_rows(count=300):
    return count


@pipeline
def rows_pipeline():
    return say_rows()
