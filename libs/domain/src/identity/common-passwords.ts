// Passwords that attackers try first, checked case-insensitively by the password policy.
//
// XATO_TOP_1000 and NCSC_TOP_1000 are copied verbatim, in rank order, from two public lists in SecLists
// (danielmiessler/SecLists, MIT licence, Passwords/Common-Credentials/):
// - 10-million-password-list-top-1000.txt: Mark Burnett's 10 million passwords, all 1,001 lines;
// - 100k-most-used-passwords-NCSC.txt: the UK National Cyber Security Centre's list, first 1,000 lines.
// Leaked-password lists contain slurs and machine-generated strings; they are kept because people really use
// them. VIETNAMESE_COMMON was written by hand and is not frequency-ranked: Vietnamese words and phrases,
// lucky-number repetitions and default-credential patterns widely reused in Vietnam.

const XATO_TOP_1000 = `
123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123
football monkey letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890 michael
654321 pussy superman 1qaz2wsx 7777777 fuckyou 121212 000000 qazwsx 123qwe killer trustno1 jordan
jennifer zxcvbnm asdfgh hunter buster soccer harley batman andrew tigger sunshine iloveyou fuckme
2000 charlie robert thomas hockey ranger daniel starwars klaster 112233 george asshole computer
michelle jessica pepper 1111 zxcvbn 555555 11111111 131313 freedom 777777 pass fuck maggie 159753
aaaaaa ginger princess joshua cheese amanda summer love ashley 6969 nicole chelsea biteme matthew
access yankees 987654321 dallas austin thunder taylor matrix william corvette hello martin heather
secret fucker merlin diamond 1234qwer gfhjkm hammer silver 222222 88888888 anthony justin test
bailey q1w2e3r4t5 patrick internet scooter orange 11111 golfer cookie richard samantha bigdog guitar
jackson whatever mickey chicken sparky snoopy maverick phoenix camaro sexy peanut morgan welcome
falcon cowboy ferrari samsung andrea smokey steelers joseph mercedes dakota arsenal eagles melissa
boomer booboo spider nascar monster tigers yellow xxxxxx 123123123 gateway marina diablo bulldog
qwer1234 compaq purple hardcore banana junior hannah 123654 porsche lakers iceman money cowboys
987654 london tennis 999999 ncc1701 coffee scooby 0000 miller boston q1w2e3r4 fuckoff brandon yamaha
chester mother forever johnny edward 333333 oliver redsox player nikita knight fender barney
midnight please brandy chicago badboy iwantu slayer rangers charles angel flower bigdaddy rabbit
wizard bigdick jasper enter rachel chris steven winner adidas victoria natasha 1q2w3e4r jasmine
winter prince panties marine ghbdtn fishing cocacola casper james 232323 raiders 888888 marlboro
gandalf asdfasdf crystal 87654321 12344321 sexsex golden blowme bigtits 8675309 panther lauren
angela bitch spanky thx1138 angels madison winston shannon mike toyota blowjob jordan23 canada
sophie Password apples dick tiger razz 123abc pokemon qazxsw 55555 qwaszx muffin johnson murphy
cooper jonathan liverpoo david danielle 159357 jackie 1990 123456a 789456 turtle horny abcd1234
scorpion qazwsxedc 101010 butter carlos password1 dennis slipknot qwerty123 booger asdf 1991 black
startrek 12341234 cameron newyork rainbow nathan john 1992 rocket viking redskins butthead asdfghjkl
1212 sierra peaches gemini doctor wilson sandra helpme qwertyui victor florida dolphin pookie
captain tucker blue liverpool theman bandit dolphins maddog packers jaguar lovers nicholas united
tiffany maxwell zzzzzz nirvana jeremy suckit stupid porn monica elephant giants jackass secret123
hotdog rosebud success debbie mountain 444444 xxxxxxxx warrior 1q2w3e4r5t q1w2e3 123456q albert
metallic lucky azerty 7777 shithead alex bond007 alexis 1111111 samson 5150 willie scorpio bonnie
gators benjamin voodoo driver dexter 2112 jason calvin freddy 212121 creative 12345a sydney rush2112
1989 asdfghjk red123 bubba 4815162342 passw0rd trouble gunner happy fucking gordon legend jessie
stella qwert eminem arthur apple nissan bullshit bear america 1qazxsw2 nothing parker 4444 rebecca
qweqwe garfield 01012011 beavis 69696969 jack asdasd december 2222 102030 252525 11223344 magic
apollo skippy 315475 girls kitten golf copper braves shelby godzilla beaver fred tomcat august buddy
airborne 1993 1988 lifehack qqqqqq brooklyn animal platinum phantom online xavier darkness blink182
power fish green 789456123 voyager police travis 12qwaszx heaven snowball lover abcdef 00000
pakistan 007007 walter playboy blazer cricket sniper hooters donkey willow loveme saturn therock
redwings bigboy pumpkin trinity williams tits nintendo digital destiny topgun runner marvin guinness
chance bubbles testing fire november minecraft asdf1234 lasvegas sergey broncos cartman private
celtic birdie little cassie babygirl donald beatles 1313 dickhead family 12121212 school louise
gabriel eclipse fluffy 147258369 lol123 explorer beer nelson flyers spencer scott lovely gibson
doggie cherry andrey snickers buffalo pantera metallica member carter qwertyu peter alexande steve
bronco paradise goober 5555 samuel montana mexico dreams michigan cock carolina yankee friends
magnum surfer poopoo maximus genius cool vampire lacrosse asd123 aaaa christin kimberly speedy
sharon carmen 111222 kristina sammy racing ou812 sabrina horses 0987654321 qwerty1 pimpin baby
stalker enigma 147147 star poohbear boobies 147258 simple bollocks 12345q marcus brian 1987
qweasdzxc drowssap hahaha caroline barbara dave viper drummer action einstein bitches genesis hello1
scotty friend forest 010203 hotrod google vanessa spitfire badger maryjane friday alaska 1232323q
tester jester jake champion billy 147852 rock hawaii badass chevy 420420 walker stephen eagle1 bill
1986 october gregory svetlana pamela 1984 music shorty westside stanley diesel courtney 242424 kevin
porno hitman boobs mark 12345qwert reddog frank qwe123 popcorn patricia aaaaaaaa 1969 teresa mozart
buddha anderson paul melanie abcdefg security lucky1 lizard denise 3333 a12345 123789 ruslan
stargate simpsons scarface eagle 123456789a thumper olivia naruto 1234554321 general cherokee
a123456 vincent Usuckballz1 spooky qweasd cumshot free frankie douglas death 1980 loveyou kitty
kelly veronica suzuki semperfi penguin mercury liberty spirit scotland natalie marley vikings system
sucker king allison marshall 1979 098765 qwerty12 hummer adrian 1985 vfhbyf sandman rocky leslie
antonio 98765432 4321 softball passion mnbvcxz bastard passport horney rascal howard franklin bigred
assman alexander homer redrum jupiter claudia 55555555 141414 zaq12wsx shit patches nigger cunt
raider infinity andre 54321 galore college russia kawasaki bishop 77777777 vladimir money1 freeuser
wildcats francis disney budlight brittany 1994 00000000 sweet oksana honda domino bulldogs brutus
swordfis norman monday jimmy ironman ford fantasy 9999 7654321 PASSWORD hentai duncan cougar 1977
jeffrey house dancer brooke timothy super marines justice digger connor patriots karina 202020 molly
everton tinker alicia rasdzv3 poop pearljam stinky naughty colorado 123123a water test123 ncc1701d
motorola ireland asdfg slut matt houston boogie zombie accord vision bradley reggie kermit froggy
ducati avalon 6666 9379992 sarah saints logitech chopper 852456 simpson madonna juventus claire
159951 zachary yfnfif wolverin warcraft hello123 extreme penis peekaboo fireman eugene brenda
123654789 russell panthers georgia smith skyline jesus elizabet spiderma smooth pirate empire bullet
8888 virginia valentin psycho predator arizona 134679 mitchell alyssa vegeta titanic christ goblue
fylhtq wolf mmmmmm kirill indian hiphop baxter awesome people danger roland mookie 741852963
1111111111 dreamer bambam arnold 1981 skipper serega rolltide elvis changeme simon 1q2w3e lovelove
fktrcfylh denver tommy mine loverboy hobbes happy1 alison nemesis chevelle cardinal burton wanker
picard 151515 tweety michael1 147852369 12312 xxxx windows turkey 456789 1974 vfrcbv sublime 1975
galina bobby newport manutd daddy american alexandr 1966 victory rooster qqq111 madmax electric
bigcock a1b2c3 wolfpack spring phpbb lalala suckme spiderman eric darkside classic raptor 123456789q
hendrix 1982 wombat avatar alpha zxc123 crazy hard england brazil 1978 01011980 wildcat polina
freepass
`;

const NCSC_TOP_1000 = `
123456 123456789 qwerty password 111111 12345678 abc123 1234567 password1 12345 1234567890 123123
000000 iloveyou 1234 1q2w3e4r5t qwertyuiop 123 monkey dragon 123456a 654321 123321 666666 1qaz2wsx
myspace1 121212 homelesspa 123qwe a123456 123abc 1q2w3e4r qwe123 7777777 qwerty123 target123 tinkle
987654321 qwerty1 222222 zxcvbnm 1g2w3e4r gwerty zag12wsx gwerty123 555555 fuckyou 112233 asdfghjkl
1q2w3e 123123123 qazwsx computer princess 12345a ashley 159753 michael football sunshine 1234qwer
iloveyou1 aaaaaa fuckyou1 789456123 daniel 777777 princess1 123654 11111 asdfgh 999999 11111111
passer2009 888888 love abcd1234 shadow football1 love123 superman jordan23 jessica monkey1 12qwaszx
a12345 baseball 123456789a killer asdf samsung master azerty charlie asd123 soccer FQRG7CS493
88888888 jordan michael1 jesus1 linkedin babygirl1 789456 blink182 thomas qwer1234 333333 liverpool
michelle nicole qwert j38ifUbn 131313 asdasd 0 987654 lovely q1w2e3r4 0123456789 gfhjkm andrew
hello1 joshua Status justin anthony angel1 iloveyou2 1111111 zxcvbn hello 1111 jennifer hunter
naruto bitch1 welcome 159357 101010 tigger 147258369 babygirl jessica1 parola 5201314 robert
fuckyou2 696969 102030 0987654321 loveme 123456q apple pokemon mother money1 secret anthony1 purple
q1w2e3r4t5y6 baseball1 qazwsxedc 1111111111 abc buster matthew andrea soccer1 basketball hannah
freedom golfer chelsea passw0rd george trustno1 friends william iloveu amanda number1 chocolate
qwerty12 summer flower charlie1 maggie pakistan samantha asdf1234 letmein asshole1 superman1 marina
147258 batman fuk19600 butterfly 010203 qweqwe 29rsavoy forever 1 mustang sunshine1 ashley1 internet
london 666 harley alexander xbox360 00000000 12341234 q1w2e3 pepper family loveyou 50cent joseph
whatever ! jasmine orange user junior cookie martin qweasdzxc 212121 1qazxsw2 password12 google
password2 111222 lol123 hello123 jordan1 shadow1 patrick 3rJs1la7qE ginger nicole1 mylove arsenal
12344321 abcdef love12 232323 VQsaBLPzLa taylor myspace brandon angel 12345q brandon1 chris1 diamond
snoopy asshole qweasd starwars matrix mickey school jonathan melissa eminem 1234561 cjmasterinf
lovers 1234567891 nikita richard 1342 yellow 12345qwert oliver q1w2e3r4t5 cheese a123456789
christian 290966 wall.e 12345678910 12413 sophie tudelft DIOSESFIEL dpbk1234 PE#5GZ29PTZMSE bailey
U38fa39 mercedes victoria 147852 asdasd5 matthew1 abcdefg peanut 456789 red123 happy1 sandra
benjamin dragon1 444444 123654789 $HEX elizabeth prince amanda1 angels angela qqqqqq samuel banana
barcelona ghbdtn computer1 michelle1 william1 hockey monster carlos justin1 antonio qwertyu nathan
55555 123789 0000 killer1 11223344 chicken lucky1 gabriel welcome1 zaq12wsx jasmine1 silver hunter1
bubbles hottie1 purple1 andrew1 daniel1 liverpool1 1qaz2wsx3edc rainbow morgan natasha fuckoff
jackson austin vanessa mommy1 madison adidas xxxxxx 252525 america james1 metallica slipknot
chicken1 87654321 jesus NULL 0000000000 alexis !ab#cd$ spiderman steven ferrari lauren 456123
robert1 147852369 qwaszx buddy1 butterfly1 !~!1 tinkerbell bandit danielle 0123456 nicholas hannah1
qwerty12345 1234554321 asdfasdf pokemon1 nirvana destiny scooter cookie1 123qweasd loveme1 chelsea1
chocolate1 1234567a juventus rachel 111222tianya qazxsw zzzzzz monica stella america1 999999999
jennifer1 freedom1 taylor1 741852963 yamaha victor 00000 qwertyui a1b2c3 ronaldo 1password smokey
david1 money daddy1 cocacola a838hfiD 1234abcd joshua1 123asd buster1 myspace123 booboo madison1
samantha1 heather 7654321 elizabeth1 poop tigger1 family1 mustang1 142536 november jasper lovely1
diamond1 success edward music1 valentina harley1 sweety tennis zxc123 friend qaz123 whatever1
thomas1 nothing N0=Acc3ss super123 casper Password chester Exigent password123 cheese1 spongebob1
mynoob hahaha hellokitty 098765 alexandra canada david 1q2w3e4r5t6y dennis december olivia a1b2c3d4
playboy sabrina patricia summer1 friends1 mexico1 dakota barbie loulou johnny music 123456m
Password1 lover1 maggie1 pretty 123hfjdk147 nicolas qwert1 charles phoenix rebecca thunder sexy123
iloveu2 123456789q batman1 beautiful carolina 4815162342 vincent jeremy spider master1 heather1
weed420 Sojdlg123aljg pepper1 sebastian yankees dallas pussy1 cameron caroline peanut1 guitar
startfinding midnight i iw14Fi9j yankees1 elephant 124578 scorpion sexy tweety bubbles1 fuckoff1
cowboys1 fuckme fucker louise dolphin 852456 patrick1 loser1 mother1 lalala naruto1 veronica
melissa1 sparky newyork adrian 123456s september heaven alexander1 jessie crystal tigers k.: p
iloveyou! chris gemini raiders1 135790 zxcvbnm1 peaches merlin 12121212 spongebob scooby stephanie
shannon james 246810 1a2b3c 555666 sergey lovelove 202020 159951 precious 123456j lakers manchester
ginger1 134679 cristina apples a1234567 qqww1122 pussy daniela jackson1 123456b jackie rocky1
asdfghjkl1 sakura qazwsx123 yellow1 flower1 apple1 010101 newyork1 sammy1 alex muffin cherry
poohbear richard1 nigger1 test123 destiny1 flowers slipknot1 cooper 753951 monster1 paSSword baby123
mexico blessed1 toyota spiderman1 beauty fuck emmanuel genius winston tiffany charlotte 741852
iloveu1 diablo onelove tiger1 badboy maverick joseph1 winner mickey1 creative beautiful1 softball
hotmail 421uiopy258 brittany 1314520 aa123456 asdf123 lastfm manuel sayang kristina austin1 stupid1
hottie booboo1 murphy stalker carmen doudou qazqaz scorpio m123456 pimpin1 pass badoo garfield
0000000 fuckme1 scooter1 151515 aaaaa brandy kitty1 myspace2 steelers compaq claudia 123456d rabbit
bailey1 crazy1 august isabella orange1 october q123456 green1 black1 samson aaaa angelo 1a2b3c4d
9876543210 boomer junior1 12345678a shorty1 tyler1 456456 kimberly guitar1 cowboys shorty passion
soleil christ 1v7Upjw3nT 111 albert andrey ranger dexter lucky7 popcorn babyboy1 bitch alyssa
brittany1 123456abc forever1 fucker1 barney 1122334455 blessed metallica1 1029384756 karina krishna
cameron1 california christian1 melanie j123456 password! happy 963852741 woaini danielle1 samsung1
gangsta1 icecream letmein1 qwerty123456 eagles love13 qwert123 uQA9Ebw445 fucku2 smokey1 leonardo
asdfgh1 police christine windows bismillah miguel iloveyou12 : snickers arsenal1 7758521 bubba1
cowboy denise pretty1 george1 q12345 winter dancer coffee player1 fernando maxwell swordfish rangers
horses francis 951753 martina fylhtq chivas1 secret1 s123456 marlboro qwerty1234 kitten lauren1
twilight florida 141414 pass123 YAgjecc826 jason1 54321 nathan1 sydney pumpkin molly1 dolphin1
vfhbyf natalie hiphop skater1 fishing bond007 kobe24 barbara loveyou1 tiffany1 john316 cassie
iloveme hardcore stupid fatima alexis1 rockstar abc1234 123456z playboy1 321321 123123a greenday
baby maria angelina starwars1 google1 b123456 school1 bonnie 123qwe123 SZ9kQcCTwY lucky father
courtney sexy12 007007 crystal1 abc123456 fluffy kissme marseille trinity sweet1 candy1 qwerty7
password3 alejandro a pookie roberto sarah1 player justinbieb turtle poohbear1 simone corvette
jackass1 lolita jonathan1 steven1 alicia lollipop jackass 123456c 786786 biteme honey motorola
nicholas1 friendster angel123 portugal iloveme1 simple 012345 vfrcbv brooklyn morgan1 darkness
rainbow1 shelby slayer natalia snowball chicago 454545 aaaaaa1 1234512345 people lovers1 sharon
golden snoopy1 shannon1 raiders 123qweasdzxc sweetie 789789 teresa blue123 242424 awesome boston
victoria1 pamela wilson ssssss mike kevin test klaster 123456k kenneth bonjour tucker catherine
hockey1 pa55word 9379992 password. eminem1 love11 mnbvcxz logitech redsox remember popcorn1 kevin1
isabelle P3Rat54797 seven7 steelers1 qwe marcus bulldog yfnfif cricket lakers24 edward1 tweety1
qazwsx1 123456t single lizottes nastya amber1 sarah blessing marley rockstar1 fender aaa111 willow
camille aaaaaaaa florida1 peaches1 bella1 carlos1 connor d123456 love4ever cutie1 indian goodluck
marie1 loveme2 marine hammer chance stephen 121314 123456l z123456 santiago strawberry abcdefg1
bigdaddy daisy1 thunder1 asdfghjk marvin mmmmmm vanessa1 happy123 abcd123 fuckyou!
`;

const VIETNAMESE_COMMON = `
matkhau matkhau1 matkhau123 matkhau@123 matkhaumoi quenmatkhau anhyeuem anhyeuem1 anhyeuem123
anhyeuemnhieu emyeuanh emyeuanh1 emyeuanh123 yeuem yeuanh yeuemnhieu iloveyou iloveyou123 tinhyeu
hanhphuc giadinh thienthan bongda xinchao vietnam vietnam1 vietnam123 vietnam@123 toiyeuvietnam
vietnamvodich hanoi hanoi123 saigon saigon123 hochiminh danang 123456789 12345678910 1234567890
0123456789 987654321 123456789a 123456aa 123456aA@ 1234567890a 66666666 68686868 86868686 686868
868686 88888888 99999999 admin123 admin@123 admin@1234 abc@123 abc@1234 abc@12345 abcd@1234
Aa@123456 Abc123456 Abc@123456
`;

function entriesOf(list: string): string[] {
  return list.split(/\s+/).filter((entry) => entry.length > 0);
}

/** Lower-cased common passwords. */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  [XATO_TOP_1000, NCSC_TOP_1000, VIETNAMESE_COMMON].flatMap(entriesOf).map((entry) => entry.toLowerCase()),
);
