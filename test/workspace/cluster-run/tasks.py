from dbnd import pipeline, task


@task
def say_rows(count=300):
    return count


@pipeline
def rows_pipeline():
    return say_rows()


@task
def sleep_task():
    return None


@task
def secret_task():
    return None
