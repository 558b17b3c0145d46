import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from './common-passwords';
import {
  checkPassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  PASSWORD_PROBLEMS,
} from './password-policy';

const { tooShort, tooLong, tooCommon, containsPersonalData } = PASSWORD_PROBLEMS;
const VIETNAMESE_LETTERS = [
  ...'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ',
];

describe('PASSWORD_PROBLEMS', () => {
  it('names each rule in an English sentence', () => {
    expect(PASSWORD_PROBLEMS).toEqual({
      tooShort: 'password must be at least 10 characters',
      tooLong: 'password must be at most 128 characters',
      tooCommon: 'password is too common',
      containsPersonalData: 'password must not contain your e-mail, national ID or name',
    });
    expect([MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH]).toEqual([10, 128]);
  });
});

describe('checkPassword', () => {
  it.each(['correct horse battery staple', 'mây trắng bay qua đồi', 'z9#7$2!4&1', 'Tr4m-Xe-Buyt-Sô-9'])(
    'accepts %j',
    (password) => {
      expect(checkPassword(password)).toEqual([]);
    },
  );

  describe('length', () => {
    it('needs at least 10 and at most 128 characters', () => {
      expect(checkPassword('kx8#Qm2vL')).toEqual([tooShort]);
      expect(checkPassword('kx8#Qm2vLp')).toEqual([]);
      expect(checkPassword('kx8#Qm2vLp'.repeat(12) + 'kx8#Qm2v')).toEqual([]);
      expect(checkPassword('kx8#Qm2vLp'.repeat(12) + 'kx8#Qm2vL')).toEqual([tooLong]);
    });

    it('reports an empty password as too short only', () => {
      expect(checkPassword('')).toEqual([tooShort]);
    });

    it('counts code points, not UTF-16 units', () => {
      expect('🔑🔑🔑kx8#Qm'.length).toBe(12);
      expect(checkPassword('🔑🔑🔑kx8#Qm')).toEqual([tooShort]);
      expect(checkPassword('🔑🔑🔑kx8#Qm2')).toEqual([]);
    });

    it('counts a decomposed Vietnamese letter once', () => {
      const decomposed = 'bie\u0323\u0302n-x9#k';
      expect([...decomposed]).toHaveLength(11);
      expect(checkPassword(decomposed)).toEqual([tooShort]);
    });

    it('counts surrounding whitespace', () => {
      expect(checkPassword(' kx8#Qm2v ')).toEqual([]);
    });
  });

  describe('common passwords', () => {
    it.each([
      ['a listed password', 'qwertyuiop'],
      ['a listed password in another case', 'QwErTyUiOp'],
      ['trailing digits and punctuation', 'Password123!'],
      ['a leet-speak entry with a year', 'Passw0rd2024'],
      ['leet-speak spellings of an entry', 'P@$$w0rd2024'],
      ['leet-speak spellings of a Vietnamese entry', 'M@tkh@u2024!'],
      ['trailing punctuation after a digit entry', '1234567890!'],
      ['a Vietnamese entry', 'matkhau123456'],
      ['a Vietnamese entry with accents and spaces', 'Mật khẩu 123456'],
      ['a phrase written with spaces', 'I love you 2024'],
      ['leading digits', '2024vietnam!'],
      ['surrounding whitespace', '  password123  '],
      ['one repeated character', 'aaaaaaaaaaaa'],
      ['whitespace only', '          '],
    ])('rejects %s', (_case, password) => {
      expect(checkPassword(password)).toEqual([tooCommon]);
    });

    it('also reports a short common password as too short', () => {
      expect(checkPassword('password')).toEqual([tooShort, tooCommon]);
    });

    it('does not match single letters left after stripping digits and punctuation', () => {
      expect(COMMON_PASSWORDS.has('a')).toBe(true);
      expect(checkPassword('a9#7$2!4&1')).toEqual([]);
    });

    it('rejects every listed word with digits or punctuation appended, in any case', () => {
      const words = [...COMMON_PASSWORDS].filter((entry) => /^\p{L}{4,}$/u.test(entry));
      fc.assert(
        fc.property(
          fc.constantFrom(...words),
          fc.stringMatching(/^[\d!@#$.?*-]{0,8}$/),
          fc.boolean(),
          (word, suffix, upper) => {
            const password = (upper ? word.toUpperCase() : word) + suffix;
            expect(checkPassword(password)).toContain(tooCommon);
          },
        ),
      );
    });
  });

  describe('personal data', () => {
    it("rejects the e-mail's local part and its words of four or more letters", () => {
      const email = 'hoang.nguyen@example.vn';
      expect(checkPassword('my-hoang.nguyen-key', { email })).toEqual([containsPersonalData]);
      expect(checkPassword('NGUYEN-river-42', { email })).toEqual([containsPersonalData]);
      expect(checkPassword('river-stone-42', { email })).toEqual([]);
    });

    it('ignores an e-mail local part shorter than four characters', () => {
      expect(checkPassword('ducky-river-42', { email: 'duc@example.vn' })).toEqual([]);
      expect(checkPassword('an-river-stone-42', { email: 'an@example.vn' })).toEqual([]);
    });

    it('rejects the national ID, even written with separators', () => {
      const nationalId = '022090001234';
      expect(checkPassword('id022090001234!', { nationalId })).toEqual([containsPersonalData]);
      expect(checkPassword('022 090 001 234 x', { nationalId })).toEqual([containsPersonalData]);
      expect(checkPassword('022-090-001-234', { nationalId })).toEqual([containsPersonalData]);
      expect(checkPassword('river-0220900-stone', { nationalId })).toEqual([]);
    });

    it('rejects name words of four or more letters, ignoring accents and case', () => {
      const fullName = 'Lê Thị Hoàng Anh';
      expect(checkPassword('hoàngđẹptrai99', { fullName })).toEqual([containsPersonalData]);
      expect(checkPassword('HOANG1995@home', { fullName })).toEqual([containsPersonalData]);
      expect(checkPassword('my-hoang-river', { fullName: 'LÊ THỊ HOÀNG ANH' })).toEqual([
        containsPersonalData,
      ]);
      expect(checkPassword('Le-thi-anh-1995', { fullName })).toEqual([]);
    });

    it('lets short name words like Đức and Văn through', () => {
      const fullName = 'Nguyễn Văn Đức';
      expect(checkPassword('ducvan-thuyen-99', { fullName })).toEqual([]);
      expect(checkPassword('nguyen-thuyen-99', { fullName })).toEqual([containsPersonalData]);
    });

    it('reports personal data once however many pieces match', () => {
      expect(
        checkPassword('hoang022090001234', {
          email: 'hoang@example.vn',
          nationalId: '022090001234',
          fullName: 'Trần Hoàng',
        }),
      ).toEqual([containsPersonalData]);
    });

    it('treats blank context fields as unknown', () => {
      expect(checkPassword('river-stone-42', { email: '  ', nationalId: '', fullName: ' ' })).toEqual([]);
    });

    it('rejects any password that contains a name word of four or more letters', () => {
      const vietnameseLetter = fc.constantFrom(...VIETNAMESE_LETTERS);
      fc.assert(
        fc.property(
          fc.array(vietnameseLetter, { minLength: 4, maxLength: 12 }).map((letters) => letters.join('')),
          fc.string({ maxLength: 10 }),
          fc.string({ maxLength: 10 }),
          (word, before, after) => {
            const fullName = `Trần ${word.toUpperCase()}`;
            expect(checkPassword(before + word + after, { fullName })).toContain(containsPersonalData);
          },
        ),
      );
    });
  });

  it('only ever reports the documented problems, without throwing', () => {
    const known = new Set<string>(Object.values(PASSWORD_PROBLEMS));
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 140 }),
        fc.record({ email: fc.string(), nationalId: fc.string(), fullName: fc.string({ unit: 'grapheme' }) }),
        (password, context) => {
          const problems = checkPassword(password, context);
          expect(problems.every((problem) => known.has(problem))).toBe(true);
          expect(new Set(problems).size).toBe(problems.length);
        },
      ),
    );
  });
});
