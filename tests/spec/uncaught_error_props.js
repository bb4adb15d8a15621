const e = new Error('with props'); e.code = 'E_X'; e.info = { n: 1 };
throw e;
